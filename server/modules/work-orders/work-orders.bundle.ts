import { stockholmCompactDate } from '../../platform/dates.ts';

/**
 * Familjebostäder's Buntnummer: orders on the same object sent the same (Stockholm) day share
 * `{object number}-{YYYYMMDD}`. Orders without an object (common areas, free addresses) have none.
 */
export function bundleNumberFor(objectNumber: string | null | undefined, dispatchedAt: Date): string | null {
  const object = objectNumber?.trim();
  if (!object) return null;
  return `${object}-${stockholmCompactDate(dispatchedAt)}`;
}
