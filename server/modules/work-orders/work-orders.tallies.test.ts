import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../contract/work-orders.ts';
import { queryRows } from '../../platform/db.ts';
import { createOrderViaApi, login, makeOrg, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { linkContractor } from '../agreements/agreements.repository.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let second: { id: string };
const cookies = { coordinator: '', manager: '' };

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  second = await makeOrg(t.database.db, 'contractor');
  await linkContractor(t.database.db, {
    clientOrgId: world.client.id,
    contractorOrgId: second.id,
    createdAt: new Date(),
  });
  cookies.coordinator = await login(t.app, world.users.coordinator);
  cookies.manager = await login(t.app, world.users.manager);
});
afterAll(() => t.close());

type Row = { client: string; contractor: string | null; status: string; type: string; n: number };

/** The tallies next to a count over the orders themselves: they must always agree. */
async function tallyAndCount() {
  const tallies = await queryRows<Row>(
    t.database.db,
    sql`select client_org_id as client, contractor_org_id as contractor, status, type, sum(n)::int as n
        from work_order_counts group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4`,
  );
  const counted = await queryRows<Row>(
    t.database.db,
    sql`select client_org_id as client, contractor_org_id as contractor, status, type, count(*)::int as n
        from work_orders group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  );
  return { tallies, counted };
}

async function unfolded() {
  const rows = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from work_order_tally_deltas`,
  );
  return rows[0]!.n;
}

async function move(orgId: string, id: string, body: object, cookie: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/work-orders/${id}/transitions`,
    headers: { cookie },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('work-order tallies', () => {
  it('stay equal to a count of the orders through creation, drafts, every kind of move and re-dispatch', async () => {
    const c = world.client.id;
    const k = world.contractor.id;
    const a = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: c,
      contractorOrgId: k,
    });
    const b = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: c,
      contractorOrgId: k,
      input: { type: 'maintenance' },
    });
    await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: c,
      input: { dispatch: false },
    });
    expect((await tallyAndCount()).tallies).toEqual((await tallyAndCount()).counted);

    await move(k, a.id, { to: 'accepted' }, cookies.manager);
    await move(k, a.id, { to: 'material_ordered' }, cookies.manager);
    await move(k, a.id, { to: 'done', actionDescription: 'Bytt packning' }, cookies.manager);
    await move(c, a.id, { to: 'invoiced' }, cookies.coordinator);
    await move(k, b.id, { to: 'declined', reason: 'Hinner inte' }, cookies.manager);
    const r = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: c,
      contractorOrgId: k,
    });
    await move(k, r.id, { to: 'accepted' }, cookies.manager);
    await move(k, r.id, { to: 'done', actionDescription: 'Bytt packning' }, cookies.manager);
    await move(c, r.id, { to: 'accepted', reason: 'Läcker igen' }, cookies.coordinator);
    const redispatch = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${c}/work-orders/${b.id}/dispatch`,
      headers: { cookie: cookies.coordinator },
      payload: { contractorOrgId: second.id },
    });
    expect(redispatch.statusCode, redispatch.body).toBe(200);

    const { tallies, counted } = await tallyAndCount();
    expect(tallies).toEqual(counted);
    // One write at a time: each folded its own changes into the tallies.
    expect(await unfolded()).toBe(0);
    expect(tallies).toContainEqual({ client: c, contractor: k, status: 'invoiced', type: 'fault', n: 1 });
    expect(tallies).toContainEqual({
      client: c,
      contractor: second.id,
      status: 'new',
      type: 'maintenance',
      n: 1,
    });
    expect(tallies).toContainEqual({ client: c, contractor: null, status: 'draft', type: 'fault', n: 1 });
    // What the active inbox relies on to skip the window: an active order has no closed_at.
    const stray = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from work_orders
          where status in ('new', 'accepted', 'material_ordered', 'reporter_unreachable') and closed_at is not null`,
    );
    expect(stray[0]!.n).toBe(0);
  });

  it('answer the dashboard, which shows the same numbers as the orders', async () => {
    const res = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/dashboard`,
      headers: { cookie: cookies.coordinator },
    });
    const dashboard = res.json() as Dashboard;
    const { counted } = await tallyAndCount();
    expect(dashboard.all.totals.total).toBe(counted.reduce((sum, r) => sum + r.n, 0));
    const invoiced = dashboard.all.rows.find((r) => r.status === 'invoiced')!;
    expect(invoiced.counts.fault).toBe(1);
  });

  it('give the inbox its total, also on a page past the last, and a search counts its matches', async () => {
    const list = async (query: string) =>
      (
        await t.app.inject({
          url: `/api/orgs/${world.client.id}/work-orders?${query}`,
          headers: { cookie: cookies.coordinator },
        })
      ).json() as { items: unknown[]; total: number };
    const { counted } = await tallyAndCount();
    const all = counted.reduce((sum, r) => sum + r.n, 0);
    expect((await list('view=all')).total).toBe(all);
    expect(await list('view=all&offset=500')).toEqual({ items: [], total: all });
    const search = await list('view=all&q=vatten');
    expect(search.total).toBe(search.items.length);
    expect(search.total).toBeGreaterThan(0);
    expect((await list('view=all&q=vatten&offset=500')).total).toBe(search.total);
  });

  it('can be counted again from the orders, as the data generator does after a bulk load', async () => {
    await t.database.db.execute(sql`update work_order_tallies set n = n + 5`);
    await t.database.db.execute(
      sql`insert into work_order_tally_deltas values (${world.client.id}, null, 'draft', 'fault', 3)`,
    );
    await t.database.db.execute(sql`select refresh_work_order_tallies()`);
    const { tallies, counted } = await tallyAndCount();
    expect(tallies).toEqual(counted);
    expect(await unfolded()).toBe(0);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('work-order tallies on PostgreSQL', () => {
  it('let concurrent moves between the same statuses commit without waiting for each other', async () => {
    const orders = [];
    for (let i = 0; i < 2; i++) {
      orders.push(
        await createOrderViaApi(t.app, {
          cookie: cookies.coordinator,
          clientOrgId: world.client.id,
          contractorOrgId: world.contractor.id,
        }),
      );
    }
    const [a, b] = orders as unknown as [{ id: string }, { id: string }];
    const moveIn = (tx: Pick<typeof t.database.db, 'execute'>, id: string) =>
      tx.execute(sql`update work_orders set status = 'accepted' where id = ${id}`);
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstMoved!: () => void;
    const firstHasMoved = new Promise<void>((resolve) => {
      firstMoved = resolve;
    });
    // The first move stays open (it holds the fold's lock and its delta rows) while the second
    // commits; with one tally row per key the second waited for the first's commit and timed out.
    const first = t.database.db.transaction(async (tx) => {
      await moveIn(tx, a.id);
      firstMoved();
      await firstHolds;
    });
    await firstHasMoved;
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local lock_timeout = '1s'`);
      await moveIn(tx, b.id);
    });
    releaseFirst();
    await first;
    const { tallies, counted } = await tallyAndCount();
    expect(tallies).toEqual(counted);
    // The second's deltas were left for a later write to fold; the next one does.
    expect(await unfolded()).toBeGreaterThan(0);
    await t.database.db.execute(sql`update work_orders set status = 'new' where id = ${b.id}`);
    expect(await unfolded()).toBe(0);
    expect((await tallyAndCount()).tallies).toEqual((await tallyAndCount()).counted);
  });
});
