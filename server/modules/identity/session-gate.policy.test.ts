import { describe, expect, it } from 'vitest';
import { sessionGate } from './session-gate.policy.ts';

const open = {
  stage: 'complete',
  mustChangePassword: false,
  hasSecondFactor: false,
  companyRequiresSecondFactor: false,
} as const;

describe('session gates', () => {
  it('a fully logged-in user with nothing pending has no gate', () => {
    expect(sessionGate(open)).toBeNull();
  });
  it('a session waiting for the second factor reaches only that step, whatever else is pending', () => {
    expect(sessionGate({ ...open, stage: 'password', mustChangePassword: true })).toBe('second_factor');
  });
  it('a user with a given password must change it first', () => {
    expect(sessionGate({ ...open, mustChangePassword: true, companyRequiresSecondFactor: true })).toBe(
      'password_change',
    );
  });
  it('a company that requires two-factor sends a user without it to enrolment', () => {
    expect(sessionGate({ ...open, companyRequiresSecondFactor: true })).toBe('second_factor_enrolment');
    expect(sessionGate({ ...open, companyRequiresSecondFactor: true, hasSecondFactor: true })).toBeNull();
  });
});
