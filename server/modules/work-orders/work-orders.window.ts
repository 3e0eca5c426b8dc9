/**
 * The contractor's visibility window for closed orders (domain.md, security.md 20): a done, declined
 * or cancelled order stays with the contractor for the client's number of days, counted in whole
 * Stockholm days from the day it closed, and is gone from the day after. Pure: the repository's
 * access condition says the same in SQL, and the API tests hold the two together.
 */
import { stockholmDate } from '../../platform/dates.ts';

/** The window of an agreement that does not set one (JM: "Senaste 6 mån"). */
export const DEFAULT_VISIBLE_DAYS = 180;

/** Adds whole days to a calendar date (YYYY-MM-DD); no time zone can shift it. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last Stockholm day on which the contractor still sees an order closed at `closedAt`. */
export function lastVisibleDay(closedAt: Date, days: number | null | undefined): string {
  return addDays(stockholmDate(closedAt), days ?? DEFAULT_VISIBLE_DAYS);
}

/** Whether the contractor still sees the order on `today` (a Stockholm date); open orders always. */
export function visibleToContractor(args: {
  closedAt: Date | null;
  days: number | null | undefined;
  today: string;
}): boolean {
  if (!args.closedAt) return true;
  return lastVisibleDay(args.closedAt, args.days) >= args.today;
}
