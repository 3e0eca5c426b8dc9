import { describe, expect, it } from 'vitest';
import { addWorkingDays, applyRule, isWorkingDay } from './agreements.sla.ts';

describe('working days', () => {
  it('gives the dates of the JM guide: ordered 2024-10-16, 3 working days → 2024-10-21, 21 → 2024-11-14', () => {
    expect(addWorkingDays('2024-10-16', 3)).toBe('2024-10-21');
    expect(addWorkingDays('2024-10-16', 21)).toBe('2024-11-14');
  });

  it.each([
    // [from, working days, expected, why]
    ['2024-03-27', 1, '2024-03-28', 'skärtorsdagen is a working day'],
    ['2024-03-28', 1, '2024-04-02', 'långfredagen and annandag påsk are not'],
    ['2025-04-16', 2, '2025-04-22', 'Easter 2025: 17 Apr works, 18–21 Apr do not'],
    ['2024-06-19', 2, '2024-06-24', 'midsommarafton (21 Jun) is treated as a holiday'],
    ['2025-06-18', 1, '2025-06-19', 'the day before midsommarafton works'],
    ['2025-06-19', 1, '2025-06-23', 'midsommarafton 2025 is 20 Jun'],
    ['2024-12-20', 1, '2024-12-23', 'a Friday: the weekend is skipped'],
    ['2024-12-23', 1, '2024-12-27', 'julafton, juldagen and annandag jul are not working days'],
    ['2024-12-27', 2, '2025-01-02', 'nyårsafton and nyårsdagen are not either'],
    ['2025-01-03', 1, '2025-01-07', 'trettondedag jul (6 Jan 2025, a Monday)'],
    ['2024-05-08', 1, '2024-05-10', 'Kristi himmelsfärdsdag (9 May 2024)'],
    ['2024-06-05', 1, '2024-06-07', 'nationaldagen (6 Jun)'],
    ['2024-04-30', 1, '2024-05-02', 'första maj'],
    ['2024-10-31', 1, '2024-11-01', 'allhelgonaafton is a working day'],
  ])('from %s, %i working day(s) → %s (%s)', (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it('counts from a weekend or holiday to the next working days', () => {
    expect(addWorkingDays('2024-12-25', 1)).toBe('2024-12-27');
    expect(addWorkingDays('2024-10-19', 1)).toBe('2024-10-21');
  });

  it('knows which days are working days', () => {
    expect(isWorkingDay('2024-10-21')).toBe(true);
    expect(isWorkingDay('2024-10-19')).toBe(false);
    expect(isWorkingDay('2024-12-24')).toBe(false);
    expect(isWorkingDay('2026-06-19')).toBe(false);
  });

  it('applies working-day and calendar-day rules', () => {
    expect(applyRule('2024-10-16', { days: 3, unit: 'working' })).toBe('2024-10-21');
    expect(applyRule('2024-10-16', { days: 3, unit: 'calendar' })).toBe('2024-10-19');
    expect(applyRule('2024-12-31', { days: 1, unit: 'calendar' })).toBe('2025-01-01');
    expect(applyRule('2024-10-16', { days: 0, unit: 'working' })).toBe('2024-10-16');
  });
});
