/**
 * SLA dates from an agreement's rules: N working days (Monday–Friday, less Swedish public holidays
 * and the eves that are treated as holidays: midsommarafton, julafton, nyårsafton) or N calendar days
 * after the day the order was sent. Pure; dates are YYYY-MM-DD calendar days in Stockholm.
 */
import Holidays from 'date-holidays';

export type DayRule = { days: number; unit: 'working' | 'calendar' };

const sweden = new Holidays('SE');
const holidaysByYear = new Map<number, Set<string>>();

/** Public holidays plus the "bank" days in date-holidays' Swedish data: midsommar-, jul- and nyårsafton. */
function holidays(year: number): Set<string> {
  let set = holidaysByYear.get(year);
  if (!set) {
    set = new Set(
      sweden
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    holidaysByYear.set(year, set);
  }
  return set;
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string): boolean {
  const d = parse(date);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidays(d.getUTCFullYear()).has(date);
}

export function addCalendarDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** The Nth working day after `date` (the day itself does not count). */
export function addWorkingDays(date: string, days: number): string {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

export function applyRule(orderedOn: string, rule: DayRule): string {
  return rule.unit === 'working'
    ? addWorkingDays(orderedOn, rule.days)
    : addCalendarDays(orderedOn, rule.days);
}

/** Contact-by and deliver-by for an order of a priority sent on a (Stockholm) day, from the rules. */
export function slaDates(
  rules: Record<string, { contactBy: DayRule | null; deliverBy: DayRule | null }> | null | undefined,
  priority: string,
  orderedOn: string,
): { contactBy: string | null; deliverBy: string | null } {
  const rule = rules?.[priority];
  return {
    contactBy: rule?.contactBy ? applyRule(orderedOn, rule.contactBy) : null,
    deliverBy: rule?.deliverBy ? applyRule(orderedOn, rule.deliverBy) : null,
  };
}
