import { describe, expect, it } from 'vitest';
import { localeOfCookies } from './i18n.ts';

describe('the language a request’s cookies ask for', () => {
  it('is English when English was chosen on the device', () => {
    expect(localeOfCookies('ordning-lang=en')).toBe('en');
    expect(localeOfCookies('__Host-ordning_session=abc; ordning-lang=en; other=1')).toBe('en');
  });

  it('is Swedish otherwise: chosen, unknown, missing or only resembling the cookie', () => {
    expect(localeOfCookies('ordning-lang=sv')).toBe('sv');
    expect(localeOfCookies('ordning-lang=de')).toBe('sv');
    expect(localeOfCookies('xordning-lang=en')).toBe('sv');
    expect(localeOfCookies('')).toBe('sv');
    expect(localeOfCookies(undefined)).toBe('sv');
  });
});
