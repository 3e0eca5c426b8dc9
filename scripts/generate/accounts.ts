import type { SQL } from 'drizzle-orm';
import { type DatabaseHandle, queryRows, sql } from '../../server/platform/db.ts';

/**
 * Whom to log in as on a generated installation: the administrator of the contractor with the most
 * orders (the biggest inbox; counted over all its orders, not the active ones, because the
 * benchmark's own new orders pile up as active orders of one contractor and would make it the
 * pick of the next run), and the first coordinator of the client whose order count is nearest 100 000 (the
 * issue's dashboard).
 */
export async function pickUsers(handle: DatabaseHandle) {
  const firstMember = (org: SQL, role: string) =>
    sql`(select u.username from memberships m join users u on u.id = m.user_id
         where m.org_id = ${org} and m.role = ${role} order by u.username limit 1)`;
  const [contractor] = await queryRows<{ username: string; active: number }>(
    handle.db,
    sql`select ${firstMember(sql`c.contractor_org_id`, 'admin')} as username, c.active::int as active
        from (select contractor_org_id, count(*) as n,
                     count(*) filter (where status in ('new', 'accepted', 'material_ordered', 'reporter_unreachable')) as active
              from work_orders where contractor_org_id is not null
              group by contractor_org_id) c
        order by c.n desc, c.contractor_org_id limit 1`,
  );
  const [client] = await queryRows<{ username: string; orders: number }>(
    handle.db,
    sql`select ${firstMember(sql`c.client_org_id`, 'coordinator')} as username, c.n::int as orders
        from (select client_org_id, count(*) as n from work_orders group by client_org_id) c
        order by abs(c.n - 100000), c.n desc limit 1`,
  );
  return {
    contractor: contractor!.username,
    contractorActive: contractor!.active,
    client: client!.username,
    clientOrders: client!.orders,
  };
}
