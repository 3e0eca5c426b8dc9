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
  if (isGuessable(password)) return 'common';
  return null;
}

/**
 * On the list of common passwords (NIST SP 800-63B 3.1.1.2), also when only padded with digits or
 * punctuation ("Password1234567890" is "password"), or nothing but a repeated or sequential run
 * ("aaaaaaaaaaaaaaa", "123456789012345", "abcabcabcabcabc"). The list alone holds few passwords of
 * 15 characters or more; these are the long forms people actually pick.
 */
function isGuessable(password: string): boolean {
  const lower = password.toLowerCase();
  if (common.has(lower)) return true;
  const letters = lower.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 4 && common.has(letters)) return true;
  return isRun([...lower.replace(/\s/g, '')]);
}

function isRun(chars: string[]): boolean {
  if (chars.length < 2) return true;
  // A short unit repeated: "1212…", "abcabc…", "qwerqwer…".
  for (let unit = 1; unit <= 4; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  // Each character one step from the one before, digits wrapping round (…8, 9, 0, 1…).
  const step = (a: string, b: string) => {
    if (/\d/.test(a) && /\d/.test(b)) return (Number(b) - Number(a) + 10) % 10;
    return b.codePointAt(0)! - a.codePointAt(0)!;
  };
  const first = step(chars[0]!, chars[1]!);
  if (first !== 1 && first !== -1 && first !== 9) return false;
  return chars.slice(1).every((c, i) => step(chars[i]!, c) === first);
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
