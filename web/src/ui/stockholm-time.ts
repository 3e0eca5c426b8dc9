/**
 * Wall-clock time in Stockholm ↔ instants, without a time-zone library: a time booked with the
 * reporter is typed as Stockholm date and time and sent as UTC, whatever zone the device is set to.
 */
const TIME_ZONE = 'Europe/Stockholm';
const HOUR = 3_600_000;

/**
 * The instant summer time starts or ends in a year: 01:00 UTC on the last Sunday of a month (the
 * EU's rule, Sweden's since 1996).
 */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

// Before 1996 Sweden's summer time ended in September: those instants are left to the browser's
// time-zone data, made only when needed. The first Intl date formatter of a page costs 30 ms on a
// mid-range phone (120 ms in Lighthouse's simulation), so the dates of today are counted instead.
let historic: Intl.DateTimeFormat | undefined;
const RULE_FROM = Date.UTC(1996, 0, 1);

/** How far Stockholm's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number): number {
  if (instant >= RULE_FROM) {
    const year = new Date(instant).getUTCFullYear();
    const summer = instant >= lastSundayOneUtc(year, 2) && instant < lastSundayOneUtc(year, 9);
    return summer ? 2 * HOUR : HOUR;
  }
  historic ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = historic.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** Stockholm's wall clock at an instant, read off a Date shifted by the offset (its UTC fields). */
function wallClock(instant: number): Date {
  return new Date(instant + offsetAt(instant));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as Stockholm's date "YYYY-MM-DD" and time "HH:mm". */
export function toStockholm(iso: string): { date: string; time: string } | null {
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return null;
  const w = wallClock(instant);
  return {
    date: `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`,
    time: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`,
  };
}

/**
 * Stockholm's date "YYYY-MM-DD" and time "HH:mm" as an ISO instant in UTC; null when either is not
 * a real date or time. In the hour skipped in spring the clock's later reading is used.
 */
export function fromStockholm(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, day, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || day < 1 || day > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, day, h, mi);
  if (new Date(wall).getUTCDate() !== day) return null;
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  return new Date(second).toISOString();
}
