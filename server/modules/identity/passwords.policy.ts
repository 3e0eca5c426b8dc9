import { dictionary } from '@zxcvbn-ts/language-common';
import { defineProblem } from '../../platform/errors.ts';

/** security.md 1: 15 characters without a second factor, 8 with one; long passphrases welcome. */
export const PASSWORD_MIN_WITHOUT_SECOND_FACTOR = 15;
export const PASSWORD_MIN_WITH_SECOND_FACTOR = 8;
/** Far above the 64 the rules ask for; the cap only keeps hashing cheap. */
export const PASSWORD_MAX = 256;

export type PasswordFault = 'too_short' | 'too_long' | 'common';

// Lower-cased once: a password is refused whatever its letter case ("Password" is as common as "password").
const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/**
 * The one password rule, used wherever a password is set (first login, change, reset, registration).
 * Length counts characters (code points), not bytes; nothing is trimmed or normalised, so spaces and
 * Unicode are kept exactly as typed. No composition rules (NIST SP 800-63B).
 */
export function checkPassword(password: string, options: { hasSecondFactor: boolean }): PasswordFault | null {
  const length = [...password].length;
  const min = options.hasSecondFactor ? PASSWORD_MIN_WITH_SECOND_FACTOR : PASSWORD_MIN_WITHOUT_SECOND_FACTOR;
  if (length < min) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  if (common.has(password.toLowerCase())) return 'common';
  return null;
}

const messages: Record<PasswordFault, (min: number) => { sv: string; en: string }> = {
  too_short: (min) => ({
    sv: `Lösenordet måste ha minst ${min} tecken (minst 15, eller 8 med tvåstegsverifiering)`,
    en: `The password must have at least ${min} characters (15, or 8 with two-step verification)`,
  }),
  too_long: () => ({
    sv: `Lösenordet får ha högst ${PASSWORD_MAX} tecken`,
    en: `The password may have at most ${PASSWORD_MAX} characters`,
  }),
  common: () => ({
    sv: 'Lösenordet är för vanligt och lätt att gissa. Välj ett annat.',
    en: 'The password is too common and easy to guess. Choose another.',
  }),
};

export const passwordRejected = defineProblem({
  status: 400,
  code: 'auth.password_rejected',
  title: { sv: 'Lösenordet godtas inte', en: 'The password is not accepted' },
});

/** The 400 problem for a refused password, naming the field and the reason. */
export function passwordProblem(fault: PasswordFault, options: { field?: string; hasSecondFactor: boolean }) {
  const min = options.hasSecondFactor ? PASSWORD_MIN_WITH_SECOND_FACTOR : PASSWORD_MIN_WITHOUT_SECOND_FACTOR;
  return passwordRejected({
    errors: [
      { field: options.field ?? 'password', code: `password.${fault}`, message: messages[fault](min) },
    ],
  });
}

/** Throws the problem when the password breaks the rule. */
export function assertPassword(password: string, options: { field?: string; hasSecondFactor: boolean }) {
  const fault = checkPassword(password, options);
  if (fault) throw passwordProblem(fault, options);
}
