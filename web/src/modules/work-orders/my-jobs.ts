import type { WorkOrderStatus } from '../../../../contract/work-orders.values.ts';
import { formatDate } from '../../ui/format.ts';

export type ScheduleGroup = 'today' | 'upcoming' | 'earlier' | 'unscheduled';

const GROUP_ORDER: ScheduleGroup[] = ['today', 'upcoming', 'earlier', 'unscheduled'];

type Scheduled = { bookedAt: string | null; plannedAt: string | null };

/** The day a job is due: the time booked with the reporter, else the planned day (Stockholm dates). */
export function scheduleDay(item: Scheduled): string | null {
  if (item.bookedAt) return formatDate(item.bookedAt);
  return item.plannedAt;
}

/**
 * Mina jobb's sections: today's visits, the coming ones, those whose day has passed without the job
 * being done, and the ones with no day yet. Each keeps the list's order (soonest first).
 */
export function scheduleGroups<T extends Scheduled>(
  items: T[],
  today: string,
): { group: ScheduleGroup; items: T[] }[] {
  const byGroup = new Map<ScheduleGroup, T[]>(GROUP_ORDER.map((g) => [g, []]));
  for (const item of items) {
    const day = scheduleDay(item);
    const group: ScheduleGroup =
      day === null ? 'unscheduled' : day === today ? 'today' : day > today ? 'upcoming' : 'earlier';
    byGroup.get(group)!.push(item);
  }
  return GROUP_ORDER.map((group) => ({ group, items: byGroup.get(group)! })).filter((g) => g.items.length);
}

/** Today in Stockholm, YYYY-MM-DD. */
export function stockholmToday(now: Date = new Date()): string {
  return formatDate(now.toISOString());
}

/**
 * The technician's next steps from a card, one tap each: the progress moves, and completion (which
 * asks for the action taken, so it opens the order). A new order waits for the work manager.
 */
export function nextSteps(status: WorkOrderStatus): ('material_ordered' | 'accepted' | 'done')[] {
  switch (status) {
    case 'accepted':
      return ['material_ordered', 'done'];
    case 'material_ordered':
      return ['done'];
    case 'reporter_unreachable':
      return ['accepted'];
    default:
      return [];
  }
}
