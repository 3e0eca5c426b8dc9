/** Dates as people in Sweden read them: the calendar day in Europe/Stockholm. */
const stockholmDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Stockholm calendar date of an instant, as YYYY-MM-DD. */
export function stockholmDate(instant: Date): string {
  return stockholmDay.format(instant);
}

/** The Stockholm calendar date as YYYYMMDD, for bundle numbers. */
export function stockholmCompactDate(instant: Date): string {
  return stockholmDate(instant).replaceAll('-', '');
}
