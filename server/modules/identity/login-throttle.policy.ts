/**
 * Failed logins on one account (security.md 2, NIST SP 800-63B 5.2.2). The first few mistakes are
 * free; after that each new attempt must wait a growing time since the last failure, and after
 * 100 failures in a row the account takes no more password attempts until the password is reset.
 * A success sets the count back to zero.
 */
export const FREE_FAILURES = 5;
export const MAX_FAILURES_IN_A_ROW = 100;
const FIRST_DELAY_MS = 30 * 1000;
const LONGEST_DELAY_MS = 60 * 60 * 1000;

/** How long after the last failure the next attempt must wait, given the failures in a row. */
export function loginDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  if (failures >= MAX_FAILURES_IN_A_ROW) return Number.POSITIVE_INFINITY;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES), LONGEST_DELAY_MS);
}

/** Null when an attempt may go ahead now; otherwise the seconds to wait (Infinity: locked). */
export function loginWait(args: { failures: number; lastFailureAt: Date | null; now: Date }): number | null {
  const delay = loginDelayMs(args.failures);
  if (delay === 0) return null;
  if (!Number.isFinite(delay)) return Number.POSITIVE_INFINITY;
  const readyAt = (args.lastFailureAt?.getTime() ?? 0) + delay;
  const wait = readyAt - args.now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : null;
}
