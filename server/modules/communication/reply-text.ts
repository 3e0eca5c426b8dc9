/**
 * The new part of an e-mail reply: what the sender wrote above the quoted history and their
 * signature. Mail clients mark the history in many ways; these are the common ones in Swedish and
 * English. Pure.
 */
const HISTORY_MARKERS = [
  /^On .{0,200}wrote:\s*$/i,
  /^Den .{0,200}skrev .{0,200}:\s*$/i,
  /^.{0,200} skrev:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprungligt meddelande|Originalmeddelande)\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^(From|Från|Skickat|Sent):\s.+$/i,
];

const SIGNATURE_MARKERS = [
  /^--\s?$/,
  /^(Skickat från min|Sent from my) .{0,60}$/i,
  /^Hälsningar,?\s*$/i,
  /^(Mvh|Med vänlig hälsning|Vänliga hälsningar|Best regards|Kind regards),?\s*$/i,
];

/** "On … wrote:" / "Den … skrev …:" when a mail program wrapped it over two lines (Gmail does). */
const WRAPPED_ATTRIBUTION = /^(On\s.{0,300}\swrote|Den\s.{0,300}\sskrev\s.{0,300}|.{0,200}\sskrev)\s*:\s*$/i;

/** Drops a wrapped attribution line pair left just above where the history was cut. */
function withoutTrailingAttribution(lines: string[]): string[] {
  const kept = [...lines];
  while (kept.length && !kept.at(-1)!.trim()) kept.pop();
  if (kept.length >= 2) {
    const joined = `${kept.at(-2)!.trim()} ${kept.at(-1)!.trim()}`;
    if (WRAPPED_ATTRIBUTION.test(joined)) return kept.slice(0, -2);
  }
  return kept;
}

export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let quoted = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('>')) {
      quoted = true;
      break;
    }
    if (HISTORY_MARKERS.some((m) => m.test(trimmed))) break;
    if (SIGNATURE_MARKERS.some((m) => m.test(trimmed))) break;
    kept.push(line);
  }
  const result = (quoted ? withoutTrailingAttribution(kept) : kept).join('\n').trim();
  // A reply that is nothing but a quote (or a signature) keeps its whole text rather than none.
  return result.length > 0 ? result : text.trim();
}
