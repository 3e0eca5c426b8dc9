import type { Clock } from '../../platform/clock.ts';
import { createRateLimiter } from '../../platform/rate-limit.ts';
import { loginWait } from './login-throttle.policy.ts';

/**
 * The in-memory limits of the login, reset and second-factor endpoints (security.md 2–3), made once
 * per app. The per-account login count lives in the database (users.failed_logins); names that
 * match no account are counted here the same way, so a 429 does not tell whether an account exists.
 */
export function createAuthLimits(clock: Clock) {
  const now = () => clock.now().getTime();
  const unknownNames = new Map<string, { failures: number; last: Date }>();
  return {
    /**
     * About 25 failed login attempts per IP per 5 minutes; successes do not count, so a whole office
     * behind one address can still log in in the morning.
     */
    loginPerIp: createRateLimiter({ limit: 25, windowMs: 5 * 60 * 1000, now }),
    /** Reset requests: 5 per IP per 15 minutes, and 3 mails per account an hour. */
    resetPerIp: createRateLimiter({ limit: 5, windowMs: 15 * 60 * 1000, now }),
    resetPerAccount: createRateLimiter({ limit: 3, windowMs: 60 * 60 * 1000, now }),
    /** Completing a reset (token and code guesses): 10 per IP per 15 minutes. */
    resetCompletePerIp: createRateLimiter({ limit: 10, windowMs: 15 * 60 * 1000, now }),
    /** Second-factor codes: 5 tries a minute per user, on top of the 10 failures an hour. */
    secondFactorPerUser: createRateLimiter({ limit: 5, windowMs: 60 * 1000, now }),
    /** SMS codes sent: 3 per user per 10 minutes. */
    smsPerUser: createRateLimiter({ limit: 3, windowMs: 10 * 60 * 1000, now }),
    unknownName: {
      wait(name: string): number | null {
        const entry = unknownNames.get(name);
        return entry
          ? loginWait({ failures: entry.failures, lastFailureAt: entry.last, now: clock.now() })
          : null;
      },
      fail(name: string) {
        const entry = unknownNames.get(name) ?? { failures: 0, last: clock.now() };
        unknownNames.set(name, { failures: entry.failures + 1, last: clock.now() });
        if (unknownNames.size > 10_000) unknownNames.delete(unknownNames.keys().next().value as string);
      },
    },
  };
}

export type AuthLimits = ReturnType<typeof createAuthLimits>;
