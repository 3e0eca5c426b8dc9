import Organisationsnummer from 'organisationsnummer';

/** A Swedish organisationsnummer in the one form we store (NNNNNN-NNNN), or null when it is not valid. */
export function normaliseOrgNumber(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[0-9 -]{10,13}$/.test(trimmed)) return null;
  try {
    if (!Organisationsnummer.valid(trimmed)) return null;
    return Organisationsnummer.parse(trimmed).format(true);
  } catch {
    return null;
  }
}
