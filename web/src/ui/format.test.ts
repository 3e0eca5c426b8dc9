import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, orEmpty, pageRange } from './format.ts';

describe('formatDateTime', () => {
  it('shows an instant in Stockholm winter time as YYYY-MM-DD HH:mm', () => {
    expect(formatDateTime('2024-11-29T11:51:00Z')).toBe('2024-11-29 12:51');
  });

  it('shows an instant in Stockholm summer time, two hours ahead of UTC', () => {
    expect(formatDateTime('2024-06-30T22:30:00.000Z')).toBe('2024-07-01 00:30');
  });

  it('accepts an offset other than UTC', () => {
    expect(formatDateTime('2024-10-16T08:00:00+02:00')).toBe('2024-10-16 08:00');
  });

  it('shows a dash for a missing value and the raw text for an unreadable one', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('formatDate', () => {
  it('shows a calendar date as it is, without shifting it by a time zone', () => {
    expect(formatDate('2024-10-21')).toBe('2024-10-21');
  });

  it('shows the Stockholm date of an instant late in the UTC day', () => {
    expect(formatDate('2024-12-31T23:30:00Z')).toBe('2025-01-01');
  });

  it('shows a dash for a missing date', () => {
    expect(formatDate(undefined)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('groups thousands with a space as Swedish does', () => {
    expect(formatNumber(12345).replace(/\s/g, ' ')).toBe('12 345');
  });

  it('writes whole numbers exactly as the Swedish Intl formatter does, and others through it', () => {
    const intl = new Intl.NumberFormat('sv-SE');
    for (const n of [
      0,
      7,
      -7,
      999,
      1000,
      -1000,
      12345,
      999999,
      1000000,
      -123456789,
      Number.MAX_SAFE_INTEGER,
      2.5,
    ]) {
      expect(formatNumber(n)).toBe(intl.format(n));
    }
  });
});

describe('pageRange', () => {
  it('gives the first and last row of a page', () => {
    expect(pageRange({ page: 1, pageSize: 50, total: 123 })).toEqual({ from: 1, to: 50 });
    expect(pageRange({ page: 3, pageSize: 50, total: 123 })).toEqual({ from: 101, to: 123 });
  });

  it('gives zeros for an empty list', () => {
    expect(pageRange({ page: 1, pageSize: 50, total: 0 })).toEqual({ from: 0, to: 0 });
  });
});

describe('orEmpty', () => {
  it('replaces blank text with a dash', () => {
    expect(orEmpty('  ')).toBe('—');
    expect(orEmpty(null)).toBe('—');
    expect(orEmpty('Kök')).toBe('Kök');
  });
});
