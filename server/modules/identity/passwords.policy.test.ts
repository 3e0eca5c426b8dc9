import { describe, expect, it } from 'vitest';
import { checkPassword, passwordProblem } from './passwords.policy.ts';

const without = { hasSecondFactor: false };
const withFactor = { hasSecondFactor: true };

describe('password rules (security.md 1)', () => {
  it('needs 15 characters without a second factor and 8 with one', () => {
    expect(checkPassword('fjorton tecken', without)).toBe('too_short');
    expect(checkPassword('femton tecken!!', without)).toBeNull();
    expect(checkPassword('sju tkn', withFactor)).toBe('too_short');
    expect(checkPassword('åtta tkn', withFactor)).toBeNull();
  });

  it('counts characters, not bytes: fifteen Swedish letters are enough', () => {
    expect(checkPassword('Ölandsbroärlång', without)).toBeNull();
    expect(checkPassword('Ölandsbroärlån', without)).toBe('too_short');
    expect(checkPassword('🐟🦀🐙🦞🐚🐠🐡🦑', withFactor)).toBeNull();
  });

  it('accepts long passphrases of at least 64 characters, up to 256', () => {
    expect(
      checkPassword(
        'x'.repeat(64).replace(/x/g, (_, i) => String.fromCharCode(97 + (i % 26))),
        without,
      ),
    ).toBeNull();
    expect(checkPassword('en lång lösenfras '.repeat(14).slice(0, 256), without)).toBeNull();
    expect(checkPassword('a'.repeat(257), without)).toBe('too_long');
  });

  it('has no composition rules: only lower-case letters and spaces are fine', () => {
    expect(checkPassword('korrekt häst batteri häftstift', without)).toBeNull();
  });

  it('refuses common passwords whatever their letter case', () => {
    expect(checkPassword('password', withFactor)).toBe('common');
    expect(checkPassword('1QAZ2wsx3EDC4rfv', without)).toBe('common');
    expect(checkPassword('1qaz2wsx3edc4rfv', without)).toBe('common');
  });

  it('refuses a common password padded with digits or punctuation to the length', () => {
    expect(checkPassword('Password1234567890', without)).toBe('common');
    expect(checkPassword('!!!Sommar2024!!!', without)).toBe('common');
    expect(checkPassword('iloveyou1234567!', without)).toBe('common');
    // Words that are not on the list, with digits, are fine.
    expect(checkPassword('Tallkrogen 3 kök 2026', without)).toBeNull();
  });

  it('refuses repeated and sequential runs, digits wrapping round', () => {
    for (const run of [
      'aaaaaaaaaaaaaaa',
      '123456789012345',
      '987654321098765',
      'abcdefghijklmnop',
      'abcabcabcabcabc',
      '1212 1212 1212 1212',
    ])
      expect(checkPassword(run, without), run).toBe('common');
    expect(checkPassword('1357924680135792', without)).toBeNull();
  });

  it('makes a 400 problem that names the field and the reason in Swedish and English', () => {
    const problem = passwordProblem('too_short', { field: 'newPassword', hasSecondFactor: false });
    expect(problem.status).toBe(400);
    expect(problem.toBody('sv').errors).toEqual([
      expect.objectContaining({
        field: 'newPassword',
        code: 'password.too_short',
        message: expect.stringContaining('minst 15'),
      }),
    ]);
    expect(problem.toBody('en').errors?.[0]?.message).toContain('at least 15');
  });
});
