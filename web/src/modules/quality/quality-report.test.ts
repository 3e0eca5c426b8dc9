import { describe, expect, it } from 'vitest';
import { crossTable, groupTotals, isDate, lastTwelveMonths } from './quality-report.ts';

const rows = [
  { group: 'Solna Rosenborg 3', faultType: 'Slitage', rootCause: 'Ålder/slitage', count: 2 },
  { group: 'Solna Rosenborg 3', faultType: 'Materialfel', rootCause: 'Materialfel', count: 1 },
  { group: 'Uppsala Kvarngärdet 12:4', faultType: 'Slitage', rootCause: 'Ålder/slitage', count: 3 },
  { group: null, faultType: null, rootCause: 'Okänd', count: 1 },
];

describe('the quality report', () => {
  it('totals each group, the most first (ties by name), with orders without a group under the blank label', () => {
    expect(groupTotals(rows, 'Ej angiven')).toEqual([
      { group: 'Solna Rosenborg 3', count: 3 },
      { group: 'Uppsala Kvarngärdet 12:4', count: 3 },
      { group: 'Ej angiven', count: 1 },
    ]);
  });

  it('crosses fault type and root cause for all groups or one, blanks last', () => {
    const all = crossTable(rows, null, 'Ej angiven');
    expect(all.faultTypes).toEqual(['Slitage', 'Materialfel', 'Ej angiven']);
    expect(all.rootCauses).toEqual(['Ålder/slitage', 'Materialfel', 'Okänd']);
    expect(all.count('Slitage', 'Ålder/slitage')).toBe(5);
    expect(all.count('Ej angiven', 'Okänd')).toBe(1);
    expect(all.faultTypeTotal('Slitage')).toBe(5);
    expect(all.total).toBe(7);
    const solna = crossTable(rows, 'Solna Rosenborg 3', 'Ej angiven');
    expect(solna.total).toBe(3);
    expect(solna.rootCauseTotal('Materialfel')).toBe(1);
  });

  it('takes the twelve months up to today, and real dates only', () => {
    expect(lastTwelveMonths('2026-11-25')).toEqual({ from: '2025-11-25', to: '2026-11-25' });
    expect(lastTwelveMonths('2024-02-29')).toEqual({ from: '2023-02-28', to: '2024-02-29' });
    expect(isDate('2024-02-30')).toBe(false);
    expect(isDate('2024-02-29')).toBe(true);
  });
});
