/**
 * How far back Utförda reaches for a contractor: each client's window (JM: "Senaste 6 mån",
 * Familjebostäder: 30 days). Pure, so the label's wording is tested without a page.
 */

/** A window as people say it: whole months from two months up (180 days → 6 months), else days. */
export type WindowSpan = { unit: 'months' | 'days'; count: number };

export function windowSpan(days: number): WindowSpan {
  return days >= 60 && days % 30 === 0 ? { unit: 'months', count: days / 30 } : { unit: 'days', count: days };
}

/**
 * The windows that apply to the list as filtered: the chosen client's, or the shortest and longest
 * of all clients' (the same when they agree). None known (a client's own inbox): null.
 */
export function completedWindow(
  clients: { id: string; completedVisibleDays: number }[],
  counterpart: string | null,
): { from: WindowSpan; to: WindowSpan } | null {
  const chosen = counterpart ? clients.filter((c) => c.id === counterpart) : clients;
  const days = chosen.map((c) => c.completedVisibleDays);
  if (days.length === 0) return null;
  return { from: windowSpan(Math.min(...days)), to: windowSpan(Math.max(...days)) };
}
