import { describe, expect, it } from 'vitest';
import { loginDelayMs, loginWait, MAX_FAILURES_IN_A_ROW } from './login-throttle.policy.ts';

const now = new Date('2026-03-02T08:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('failed-login throttle (security.md 2)', () => {
  it('lets the first five mistakes through without waiting', () => {
    for (let n = 0; n < 5; n++) expect(loginWait({ failures: n, lastFailureAt: now, now })).toBeNull();
  });

  it('makes each further attempt wait longer, up to an hour', () => {
    expect(loginDelayMs(5)).toBe(30_000);
    expect(loginDelayMs(6)).toBe(60_000);
    expect(loginDelayMs(7)).toBe(120_000);
    expect(loginDelayMs(40)).toBe(3_600_000);
    expect(loginWait({ failures: 6, lastFailureAt: ago(10_000), now })).toBe(50);
    expect(loginWait({ failures: 6, lastFailureAt: ago(61_000), now })).toBeNull();
  });

  it('never allows more than 100 failures in a row, however long one waits', () => {
    expect(
      loginWait({ failures: MAX_FAILURES_IN_A_ROW - 1, lastFailureAt: ago(2 * 3_600_000), now }),
    ).toBeNull();
    expect(loginWait({ failures: MAX_FAILURES_IN_A_ROW, lastFailureAt: ago(365 * 86_400_000), now })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});
