/**
 * What a session may reach before it is fully in use (security.md 5, issue 6 item 4). One rule,
 * applied by the auth plugin to every request; routes name the gates they stay open under.
 *
 * - second_factor: the password was right, the second factor is still to come → only the
 *   second-factor step and logout.
 * - password_change: the account was created with a given password → only GET /api/me, the
 *   first-login step and logout.
 * - second_factor_enrolment: a company of the user requires two-factor and the user has none →
 *   only GET /api/me, two-factor enrolment and logout.
 */
export const sessionGates = ['second_factor', 'password_change', 'second_factor_enrolment'] as const;
export type SessionGate = (typeof sessionGates)[number];

export function sessionGate(args: {
  stage: 'password' | 'complete';
  mustChangePassword: boolean;
  hasSecondFactor: boolean;
  companyRequiresSecondFactor: boolean;
}): SessionGate | null {
  if (args.stage === 'password') return 'second_factor';
  if (args.mustChangePassword) return 'password_change';
  if (args.companyRequiresSecondFactor && !args.hasSecondFactor) return 'second_factor_enrolment';
  return null;
}
