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

describe('Stockholm time counted by the rule', () => {
  const database = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

  it('agrees with the time-zone database every quarter hour around each clock change, 1996–2040', () => {
    const differences: string[] = [];
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        for (let t = change - 26 * 3_600_000; t <= change + 26 * 3_600_000; t += 900_000) {
          const iso = new Date(t).toISOString();
          const ours = toStockholm(iso);
          if (`${ours?.date} ${ours?.time}` !== database.format(t)) differences.push(iso);
        }
      }
    }
    expect(differences).toEqual([]);
  });

  it('leaves the years before 1996, when summer time ended in September, to the database', () => {
    // 30 September 1990 03:00 summer time became 02:00 winter time (a month before the EU's rule).
    expect(toStockholm('1990-10-15T12:00:00Z')).toEqual({ date: '1990-10-15', time: '13:00' });
    expect(toStockholm('1990-09-29T12:00:00Z')).toEqual({ date: '1990-09-29', time: '14:00' });
  });
});
