/**
 * Wall-clock time in Stockholm ↔ instants, without a time-zone library: a time booked with the
 * reporter is typed as Stockholm date and time and sent as UTC, whatever zone the device is set to.
 */
const TIME_ZONE = 'Europe/Stockholm';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(instant: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const get = (type: string) => Number(parts.formatToParts(instant).find((p) => p.type === type)?.value);
  return {
    y: get('year'),
    mo: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
}

/** How far Stockholm's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number): number {
  const w = wallClock(instant);
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return wall - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as Stockholm's date "YYYY-MM-DD" and time "HH:mm". */
export function toStockholm(iso: string): { date: string; time: string } | null {
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return null;
  const w = wallClock(instant);
  return { date: `${w.y}-${pad(w.mo)}-${pad(w.d)}`, time: `${pad(w.h)}:${pad(w.mi)}` };
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
