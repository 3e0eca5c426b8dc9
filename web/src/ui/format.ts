/**
 * Dates and numbers as Swedish users read them, in Europe/Stockholm whatever the device's zone:
 * "2024-11-29 12:51". Used in both languages so a date reads the same on every screen.
 */
import { toStockholm } from './stockholm-time.ts';

export const EMPTY = '—';

// Made on first use, for what is not a whole number: the first Intl formatter of a page costs a
// mid-range phone 25 ms (100 ms in Lighthouse's simulation), and counts are whole numbers.
let numberFormat: Intl.NumberFormat | undefined;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An instant (ISO 8601 with offset) as "YYYY-MM-DD HH:mm" in Stockholm time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const stockholm = toStockholm(value);
  return stockholm ? `${stockholm.date} ${stockholm.time}` : value;
}

/** A calendar date: "YYYY-MM-DD" is shown as it is; an instant is shown as its Stockholm date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  if (CALENDAR_DATE.test(value)) return value;
  return toStockholm(value)?.date ?? value;
}

/** A count with Swedish digit grouping: 12 345 (a no-break space, and − for a negative, as Intl writes it). */
export function formatNumber(value: number): string {
  if (Number.isSafeInteger(value)) {
    const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, '\u00a0');
    return value < 0 ? `\u2212${digits}` : digits;
  }
  numberFormat ??= new Intl.NumberFormat('sv-SE');
  return numberFormat.format(value);
}

/** Which rows a page shows, 1-based and inclusive: page 2 of 50 a page with 123 rows → 51–100. */
export function pageRange(args: { page: number; pageSize: number; total: number }): {
  from: number;
  to: number;
} {
  const { page, pageSize, total } = args;
  if (total === 0) return { from: 0, to: 0 };
  const from = Math.min((page - 1) * pageSize + 1, total);
  return { from, to: Math.min(page * pageSize, total) };
}

/** Text for a value that may be missing. */
export function orEmpty(value: string | null | undefined): string {
  return value?.trim() ? value : EMPTY;
}
