import { describe, expect, it } from 'vitest';
import { fromStockholm, toStockholm } from './stockholm-time.ts';

describe('fromStockholm', () => {
  it('takes a winter time as one hour ahead of UTC and a summer time as two', () => {
    expect(fromStockholm('2024-10-30', '13:53')).toBe('2024-10-30T12:53:00.000Z');
    expect(fromStockholm('2024-07-01', '00:30')).toBe('2024-06-30T22:30:00.000Z');
  });

  it('handles the days the clock changes', () => {
    // 31 March 2024: 02:00 became 03:00; 27 October 2024: 03:00 became 02:00.
    expect(fromStockholm('2024-03-31', '01:30')).toBe('2024-03-31T00:30:00.000Z');
    expect(fromStockholm('2024-03-31', '03:30')).toBe('2024-03-31T01:30:00.000Z');
    expect(fromStockholm('2024-10-27', '04:00')).toBe('2024-10-27T03:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(fromStockholm('2024-02-30', '10:00')).toBeNull();
    expect(fromStockholm('2024-10-30', '25:00')).toBeNull();
    expect(fromStockholm('', '10:00')).toBeNull();
    expect(fromStockholm('2024-10-30', '')).toBeNull();
  });
});

describe('toStockholm', () => {
  it('gives the Stockholm date and time of an instant, the inverse of fromStockholm', () => {
    expect(toStockholm('2024-10-30T12:53:00.000Z')).toEqual({ date: '2024-10-30', time: '13:53' });
    expect(toStockholm('2024-06-30T22:30:00Z')).toEqual({ date: '2024-07-01', time: '00:30' });
    expect(toStockholm('nonsense')).toBeNull();
  });
});
