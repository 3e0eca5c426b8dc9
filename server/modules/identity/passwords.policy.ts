import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * security.md 1: at least 15 characters, or 8 when the account has a second factor; at most 256;
 * no composition rules; a password on the common-passwords list is refused. Pure.
 */
export type PasswordProblem = 'too_short' | 'too_long' | 'common';

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export function checkPassword(password: string, args: { hasSecondFactor: boolean }): PasswordProblem | null {
  const length = [...password].length;
  if (length < (args.hasSecondFactor ? 8 : 15)) return 'too_short';
  if (length > 256) return 'too_long';
  if (common.has(password.toLowerCase())) return 'common';
  return null;
}
