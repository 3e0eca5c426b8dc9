/**
 * Dates and numbers as Swedish users read them, in Europe/Stockholm whatever the device's zone:
 * "2024-11-29 12:51". Used in both languages so a date reads the same on every screen.
 */
const TIME_ZONE = 'Europe/Stockholm';
export const EMPTY = '—';

const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const numberFormat = new Intl.NumberFormat('sv-SE');

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parse(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant (ISO 8601 with offset) as "YYYY-MM-DD HH:mm" in Stockholm time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const date = parse(value);
  return date ? dateTimeFormat.format(date) : value;
}

/** A calendar date: "YYYY-MM-DD" is shown as it is; an instant is shown as its Stockholm date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  if (CALENDAR_DATE.test(value)) return value;
  const date = parse(value);
  return date ? dateFormat.format(date) : value;
}

/** A count with Swedish digit grouping: 12 345. */
export function formatNumber(value: number): string {
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
