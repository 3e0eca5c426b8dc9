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

export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('>')) break;
    if (HISTORY_MARKERS.some((m) => m.test(trimmed))) break;
    if (SIGNATURE_MARKERS.some((m) => m.test(trimmed))) break;
    kept.push(line);
  }
  const result = kept.join('\n').trim();
  // A reply that is nothing but a quote (or a signature) keeps its whole text rather than none.
  return result.length > 0 ? result : text.trim();
}
