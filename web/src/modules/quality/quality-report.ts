import type { QualityReport } from '../../../../contract/quality.ts';

type Row = QualityReport['rows'][number];

/** A label for what the order lacks: no property, fault type or root cause recorded. */
export type Blank = string;

/** How many done orders each group had, most first; ties by name. */
export function groupTotals(rows: Row[], blank: Blank): { group: string; count: number }[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const group = row.group ?? blank;
    totals.set(group, (totals.get(group) ?? 0) + row.count);
  }
  return [...totals]
    .map(([group, count]) => ({ group, count }))
    .sort((a, b) => b.count - a.count || a.group.localeCompare(b.group, 'sv'));
}

export type CrossTable = {
  faultTypes: string[];
  rootCauses: string[];
  count: (faultType: string, rootCause: string) => number;
  faultTypeTotal: (faultType: string) => number;
  rootCauseTotal: (rootCause: string) => number;
  total: number;
};

/**
 * Fault type (rows) × root cause (columns) for one group, or all when `group` is null; the most
 * common first, blanks last.
 */
export function crossTable(rows: Row[], group: string | null, blank: Blank): CrossTable {
  const chosen = group === null ? rows : rows.filter((r) => (r.group ?? blank) === group);
  const cells = new Map<string, number>();
  const byFault = new Map<string, number>();
  const byCause = new Map<string, number>();
  for (const row of chosen) {
    const fault = row.faultType ?? blank;
    const cause = row.rootCause ?? blank;
    const key = `${fault}\u0000${cause}`;
    cells.set(key, (cells.get(key) ?? 0) + row.count);
    byFault.set(fault, (byFault.get(fault) ?? 0) + row.count);
    byCause.set(cause, (byCause.get(cause) ?? 0) + row.count);
  }
  const ordered = (totals: Map<string, number>) =>
    [...totals.keys()].sort(
      (a, b) =>
        Number(a === blank) - Number(b === blank) ||
        totals.get(b)! - totals.get(a)! ||
        a.localeCompare(b, 'sv'),
    );
  return {
    faultTypes: ordered(byFault),
    rootCauses: ordered(byCause),
    count: (fault, cause) => cells.get(`${fault}\u0000${cause}`) ?? 0,
    faultTypeTotal: (fault) => byFault.get(fault) ?? 0,
    rootCauseTotal: (cause) => byCause.get(cause) ?? 0,
    total: chosen.reduce((sum, r) => sum + r.count, 0),
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(value: string | undefined): value is string {
  const m = DATE.exec(value ?? '');
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCDate() === Number(m[3]);
}

/** The last twelve months up to today: from the same day a year ago (28 Feb for 29 Feb). */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  const day = Math.min(d, lastOfMonth);
  return { from: `${y - 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, to: today };
}
