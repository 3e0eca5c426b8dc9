import { describe, expect, it } from 'vitest';
import { checkPassword } from './passwords.policy.ts';

describe('password rules (security.md 1)', () => {
  it('needs 15 characters without a second factor and 8 with one', () => {
    expect(checkPassword('fjorton tecken', { hasSecondFactor: false })).toBe('too_short');
    expect(checkPassword('femton tecken!!', { hasSecondFactor: false })).toBeNull();
    expect(checkPassword('sju tkn', { hasSecondFactor: true })).toBe('too_short');
    expect(checkPassword('åtta tkn', { hasSecondFactor: true })).toBeNull();
  });

  it('refuses common passwords and more than 256 characters', () => {
    expect(checkPassword('password', { hasSecondFactor: true })).toBe('common');
    expect(checkPassword('x'.repeat(257), { hasSecondFactor: false })).toBe('too_long');
  });
});
