import { describe, expect, it } from 'vitest';
import { stockholmCompactDate, stockholmDate } from './dates.ts';

describe('Stockholm dates', () => {
  it('gives the Swedish calendar day, not the UTC one', () => {
    // 23:30 UTC in winter is 00:30 the next day in Stockholm.
    expect(stockholmDate(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    // In summer (CEST, UTC+2) 22:30 UTC is already the next day.
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(stockholmDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
  });

  it('gives the compact form used in bundle numbers', () => {
    expect(stockholmCompactDate(new Date('2019-08-19T10:00:00Z'))).toBe('20190819');
  });
});
