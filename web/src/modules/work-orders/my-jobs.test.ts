import { describe, expect, it } from 'vitest';
import { nextSteps, scheduleGroups, stockholmToday } from './my-jobs.ts';

const job = (id: number, bookedAt: string | null, plannedAt: string | null = null) => ({
  id,
  bookedAt,
  plannedAt,
});

describe('scheduleGroups', () => {
  it("puts today's visits first, then coming ones, then passed ones, then those without a day", () => {
    const groups = scheduleGroups(
      [
        job(1, '2026-11-23T07:00:00.000Z'),
        job(2, '2026-11-25T07:00:00.000Z'),
        job(3, null, '2026-11-25'),
        job(4, '2026-11-26T07:00:00.000Z'),
        job(5, null),
      ],
      '2026-11-25',
    );
    expect(groups.map((g) => [g.group, g.items.map((i) => i.id)])).toEqual([
      ['today', [2, 3]],
      ['upcoming', [4]],
      ['earlier', [1]],
      ['unscheduled', [5]],
    ]);
  });

  it('counts a late-evening booking in Stockholm time, not UTC', () => {
    // 23:30 UTC on the 24th is 00:30 on the 25th in Stockholm.
    expect(scheduleGroups([job(1, '2026-11-24T23:30:00.000Z')], '2026-11-25')[0]?.group).toBe('today');
  });
});

describe('stockholmToday', () => {
  it('gives the Stockholm date, which is a day ahead late in the UTC evening', () => {
    expect(stockholmToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});

describe('nextSteps', () => {
  it('offers material ordered and done from accepted, back to accepted from reporter not answering', () => {
    expect(nextSteps('accepted')).toEqual(['material_ordered', 'done']);
    expect(nextSteps('material_ordered')).toEqual(['done']);
    expect(nextSteps('reporter_unreachable')).toEqual(['accepted']);
    expect(nextSteps('new')).toEqual([]);
    expect(nextSteps('done')).toEqual([]);
  });
});
