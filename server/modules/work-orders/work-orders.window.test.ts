import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { stockholmDate } from '../../platform/dates.ts';
import { addDays, DEFAULT_VISIBLE_DAYS, lastVisibleDay, visibleToContractor } from './work-orders.window.ts';

describe('the visibility window for closed orders', () => {
  // Done at 12:00 in Stockholm on 1 April 2026; Familjebostäder's window is 30 days.
  const closedAt = new Date('2026-04-01T10:00:00Z');

  it('keeps the order through the 30th day after closing and drops it on the 31st (fixed clock)', () => {
    const clock = fixedClock('2026-05-01T21:59:00Z'); // 23:59 on 1 May in Stockholm
    expect(visibleToContractor({ closedAt, days: 30, today: stockholmDate(clock.now()) })).toBe(true);
    clock.set('2026-05-01T22:01:00Z'); // 00:01 on 2 May in Stockholm, still 1 May in UTC
    expect(visibleToContractor({ closedAt, days: 30, today: stockholmDate(clock.now()) })).toBe(false);
    expect(lastVisibleDay(closedAt, 30)).toBe('2026-05-01');
  });

  it('counts from the Stockholm day of closing, not the UTC one', () => {
    // 00:30 on 2 April in Stockholm is 1 April in UTC: the window starts on 2 April.
    const justAfterMidnight = new Date('2026-04-01T22:30:00Z');
    expect(lastVisibleDay(justAfterMidnight, 30)).toBe('2026-05-02');
    expect(visibleToContractor({ closedAt: justAfterMidnight, days: 30, today: '2026-05-02' })).toBe(true);
    expect(visibleToContractor({ closedAt: justAfterMidnight, days: 30, today: '2026-05-03' })).toBe(false);
  });

  it('is 180 days when the agreement sets none, across the change to winter time', () => {
    expect(DEFAULT_VISIBLE_DAYS).toBe(180);
    expect(lastVisibleDay(closedAt, null)).toBe('2026-09-28');
    expect(visibleToContractor({ closedAt, days: undefined, today: '2026-09-28' })).toBe(true);
    expect(visibleToContractor({ closedAt, days: undefined, today: '2026-09-29' })).toBe(false);
    const summer = new Date('2026-10-24T20:00:00Z'); // 22:00 on 24 October, summer time
    expect(lastVisibleDay(summer, 2)).toBe('2026-10-26'); // the clocks go back on 25 October
  });

  it('never hides an order that is still open', () => {
    expect(visibleToContractor({ closedAt: null, days: 1, today: '2099-01-01' })).toBe(true);
  });

  it('adds days over month and year ends and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
