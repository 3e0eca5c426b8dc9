/**
 * The reporter's proposed visit times, from the form's rows to the API's body, checked the way the
 * server checks them so a mistake shows at once on the right field. Pure.
 */
export type TimeRow = { date: string; from: string; to: string };

export type ProposalBody = {
  times: { date: string; from?: string; to?: string }[];
  text?: string;
};

/** The message keys (tenant.validation.*) a field can get. */
export type ProposalError = 'date' | 'past' | 'time' | 'order' | 'oneTime';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function realDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCDate() === Number(m[3]) && date.getUTCMonth() === Number(m[2]) - 1;
}

/**
 * Rows left empty are skipped; at least one time is needed, at most the three the form offers. A time
 * has a date from today on (Stockholm's date, given) and may have a start and an end, the end after
 * the start. Errors are keyed by the field's path, as the server names them: `times.0.date`.
 */
export function proposalFrom(
  rows: TimeRow[],
  text: string,
  today: string,
): { body: ProposalBody | null; errors: Record<string, ProposalError> } {
  const errors: Record<string, ProposalError> = {};
  const times: ProposalBody['times'] = [];
  rows.forEach((row, index) => {
    const date = row.date.trim();
    const from = row.from.trim();
    const to = row.to.trim();
    if (!date && !from && !to) return;
    const at = (field: keyof TimeRow) => `times.${index}.${field}`;
    if (!realDate(date)) errors[at('date')] = 'date';
    else if (date < today) errors[at('date')] = 'past';
    if (from && !TIME.test(from)) errors[at('from')] = 'time';
    if (to && !TIME.test(to)) errors[at('to')] = 'time';
    if (from && to && TIME.test(from) && TIME.test(to) && to <= from) errors[at('to')] = 'order';
    times.push({ date, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  });
  if (times.length === 0) errors['times.0.date'] = 'oneTime';
  if (Object.keys(errors).length > 0) return { body: null, errors };
  const message = text.trim();
  return { body: { times, ...(message ? { text: message } : {}) }, errors };
}
