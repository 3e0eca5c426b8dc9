/** A tap-to-call link for a phone number as written ("070-174 06 05" → tel:0701740605). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^+0-9]/g, '')}`;
}
