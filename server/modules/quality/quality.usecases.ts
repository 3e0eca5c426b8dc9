/**
 * Quality follow-up for the client (beyond the guides): what kinds of faults, with what root causes,
 * where — and repeat faults, the same unit or serial number back within 90 days of being fixed.
 */
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { QualityReport, RepeatFaults } from '../../../contract/quality.ts';
import type { Database } from '../../platform/db.ts';
import { queryRows } from '../../platform/db.ts';
import type { Locale } from '../../platform/errors.ts';
import { problems } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { can } from '../organizations/roles.policy.ts';

export const REPEAT_WINDOW_DAYS = 90;

export function canSeeQuality(actor: Pick<Actor, 'orgKind' | 'role'>) {
  return can(actor, 'quality.read');
}

const groupColumn = {
  property: sql.raw('w.property_name'),
  objectType: sql.raw('w.object_type'),
  unitType: sql.raw('w.unit_type'),
};

/** Done (and invoiced) orders completed in the period, counted per group × fault type × root cause. */
export async function qualityReport(
  deps: { db: Database },
  args: { actor: Actor; from: string; to: string; groupBy: keyof typeof groupColumn },
): Promise<QualityReport> {
  if (!canSeeQuality(args.actor)) throw problems.forbidden();
  const rows = await queryRows<{
    grp: string | null;
    fault_type: string | null;
    root_cause: string | null;
    n: number;
  }>(
    deps.db,
    sql`select ${groupColumn[args.groupBy]} as grp, w.fault_type, w.root_cause, count(*)::int as n
        from work_orders w
        where w.client_org_id = ${args.actor.orgId}
          and w.status in ('done', 'invoiced')
          and (w.completed_at at time zone 'Europe/Stockholm')::date between ${args.from}::date and ${args.to}::date
        group by 1, 2, 3
        order by 1 nulls last, 4 desc, 2 nulls last, 3 nulls last`,
  );
  return {
    groupBy: args.groupBy,
    rows: rows.map((r) => ({ group: r.grp, faultType: r.fault_type, rootCause: r.root_cause, count: r.n })),
    total: rows.reduce((sum, r) => sum + r.n, 0),
  };
}

/**
 * Orders made in the period on a unit (or serial number) that had an order completed less than
 * 90 days before: the fix did not last, or the unit is worn out.
 */
export async function repeatFaults(
  deps: { db: Database },
  args: { actor: Actor; from: string; to: string },
): Promise<RepeatFaults> {
  if (!canSeeQuality(args.actor)) throw problems.forbidden();
  const rows = await queryRows<{
    earlier_id: string;
    earlier_number: number;
    earlier_completed_at: Date;
    earlier_fault_type: string | null;
    later_id: string;
    later_number: number;
    later_ordered_at: Date;
    later_status: string;
    matched_on: 'unit' | 'serialNumber';
    property_name: string;
    object_number: string | null;
    unit: string | null;
    serial_number: string | null;
    days_between: number;
  }>(
    deps.db,
    sql`select a.id as earlier_id, a.number as earlier_number, a.completed_at as earlier_completed_at,
               a.fault_type as earlier_fault_type,
               b.id as later_id, b.number as later_number, b.ordered_at as later_ordered_at, b.status as later_status,
               case when a.unit_id is not null and a.unit_id = b.unit_id then 'unit' else 'serialNumber' end as matched_on,
               b.property_name, b.object_number, b.unit, coalesce(b.serial_number, a.serial_number) as serial_number,
               ((b.ordered_at at time zone 'Europe/Stockholm')::date
                 - (a.completed_at at time zone 'Europe/Stockholm')::date)::int as days_between
        from work_orders b
        join work_orders a
          on a.client_org_id = b.client_org_id
         and a.id <> b.id
         and a.status in ('done', 'invoiced')
         and ((a.unit_id is not null and a.unit_id = b.unit_id)
              or (a.serial_number is not null and a.serial_number = b.serial_number))
         and b.ordered_at > a.completed_at
         and b.ordered_at <= a.completed_at + make_interval(days => ${REPEAT_WINDOW_DAYS})
        where b.client_org_id = ${args.actor.orgId}
          and b.ordered_at is not null
          and (b.ordered_at at time zone 'Europe/Stockholm')::date between ${args.from}::date and ${args.to}::date
        order by b.ordered_at desc, a.completed_at desc
        limit 1000`,
  );
  return {
    windowDays: REPEAT_WINDOW_DAYS,
    items: rows.map((r) => ({
      earlier: {
        id: r.earlier_id,
        number: r.earlier_number,
        completedAt: new Date(r.earlier_completed_at).toISOString(),
        faultType: r.earlier_fault_type,
      },
      later: {
        id: r.later_id,
        number: r.later_number,
        orderedAt: new Date(r.later_ordered_at).toISOString(),
        status: r.later_status,
      },
      matchedOn: r.matched_on,
      propertyName: r.property_name,
      objectNumber: r.object_number,
      unit: r.unit,
      serialNumber: r.serial_number,
      daysBetween: r.days_between,
    })),
  };
}

const csvHeadings: Record<Locale, Record<string, string>> = {
  sv: {
    property: 'Fastighet',
    objectType: 'Objekttyp',
    unitType: 'Anläggningstyp',
    faultType: 'Feltyp',
    rootCause: 'Rotorsak',
    count: 'Antal',
  },
  en: {
    property: 'Property',
    objectType: 'Object type',
    unitType: 'Unit type',
    faultType: 'Fault type',
    rootCause: 'Root cause',
    count: 'Count',
  },
};

export function qualityCsv(report: QualityReport, locale: Locale): string {
  const h = csvHeadings[locale];
  return stringify(
    [
      [h[report.groupBy]!, h.faultType!, h.rootCause!, h.count!],
      ...report.rows.map((r) => [r.group ?? '', r.faultType ?? '', r.rootCause ?? '', r.count]),
    ],
    {
      delimiter: ';',
      record_delimiter: 'windows',
      bom: true,
      cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) },
    },
  );
}
