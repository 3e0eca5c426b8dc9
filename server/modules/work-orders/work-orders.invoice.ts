/**
 * The invoice reference (Referensnummer) of an order from the client's template. Familjebostäder:
 * "AO" immediately followed by the number, no space or dash — so whitespace in a template is dropped.
 */
export const DEFAULT_REFERENCE_TEMPLATE = 'AO{number}';

export function invoiceReference(template: string | null | undefined, number: number): string {
  const t = template?.trim() || DEFAULT_REFERENCE_TEMPLATE;
  const withNumber = t.includes('{number}') ? t.replaceAll('{number}', String(number)) : `${t}${number}`;
  return withNumber.replace(/\s+/g, '');
}
