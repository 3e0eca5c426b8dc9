/**
 * The morning reminder: each contractor's admins and managers get one mail listing the active orders
 * past their contact-by or deliver-by date (issue 5: "overdue SLA reminders to the contractor's manager").
 */
import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { stockholmDate } from '../../platform/dates.ts';
import { type Database, queryRows } from '../../platform/db.ts';
import { renderMail } from '../../platform/mail/layout.ts';
import { newMessageId } from '../../platform/mail/mail.ts';
import { listMembersWithRoles } from '../organizations/organizations.repository.ts';
import { notify } from './notifications.ts';

type Overdue = {
  contractor_org_id: string;
  id: string;
  number: number;
  street: string;
  contact_by: string | null;
  deliver_by: string | null;
  late: 'contact' | 'delivery';
};

export async function sendOverdueReminders(args: { db: Database; clock: Clock; publicUrl: string }) {
  const today = stockholmDate(args.clock.now());
  const rows = await queryRows<Overdue>(
    args.db,
    sql`select contractor_org_id, id, number, street, contact_by::text, deliver_by::text,
               case when deliver_by < ${today}::date then 'delivery' else 'contact' end as late
        from work_orders
        where contractor_org_id is not null
          and status in ('new', 'accepted', 'material_ordered', 'reporter_unreachable')
          and ((deliver_by < ${today}::date)
               or (status in ('new', 'accepted') and booked_at is null and contact_by < ${today}::date))
        order by contractor_org_id, number`,
  );
  const byContractor = new Map<string, Overdue[]>();
  for (const r of rows)
    byContractor.set(r.contractor_org_id, [...(byContractor.get(r.contractor_org_id) ?? []), r]);
  let mails = 0;
  for (const [orgId, orders] of byContractor) {
    await args.db.transaction(async (tx) => {
      const recipients = await listMembersWithRoles(tx, { orgId, roles: ['admin', 'manager'] });
      const line = (o: Overdue, lang: 'sv' | 'en') =>
        lang === 'sv'
          ? `AO ${o.number}, ${o.street}: ${o.late === 'delivery' ? `leveransdag ${o.deliver_by}` : `kontaktdag ${o.contact_by}`} har passerat`
          : `WO ${o.number}, ${o.street}: ${o.late === 'delivery' ? `deliver-by ${o.deliver_by}` : `contact-by ${o.contact_by}`} has passed`;
      const link = `${args.publicUrl}/orgs/${orgId}/work-orders?overdue=any`;
      const result = await notify({
        tx,
        clock: args.clock,
        kind: 'overdue',
        recipients,
        compose: (r) => {
          const sv = r.locale === 'sv';
          const { html, text } = renderMail({
            lang: r.locale,
            heading: sv ? `${orders.length} försenade arbetsordrar` : `${orders.length} overdue work orders`,
            intro: sv
              ? 'Dessa arbetsordrar har passerat sin kontakt- eller leveransdag.'
              : 'These work orders are past their contact-by or deliver-by date.',
            facts: orders.map((o) => [String(o.number), line(o, r.locale)]),
            action: { label: sv ? 'Visa försenade' : 'Show overdue', href: link },
            footer: sv ? 'Skickat av Ordning varje morgon.' : 'Sent by Ordning every morning.',
          });
          return {
            to: [r.email],
            subject: sv
              ? `Ordning: ${orders.length} försenade arbetsordrar`
              : `Ordning: ${orders.length} overdue work orders`,
            text,
            html,
            messageId: newMessageId(args.publicUrl),
          };
        },
        digest: (r) => ({
          line:
            r.locale === 'sv'
              ? `${orders.length} försenade arbetsordrar`
              : `${orders.length} overdue work orders`,
          link,
        }),
        context: { orgId },
      });
      mails += result.mailed.length;
    });
  }
  return { contractors: byContractor.size, mails };
}
