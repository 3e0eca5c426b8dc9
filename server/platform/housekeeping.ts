import { and, eq, lt, sql } from 'drizzle-orm';
import type { Clock } from './clock.ts';
import type { Database } from './db.ts';
import { idempotencyKeys } from './idempotency/idempotency.table.ts';
import { IDEMPOTENCY_RETENTION_MS } from './idempotency/idempotency.ts';
import { jobs } from './jobs/jobs.table.ts';
import { scheduledRuns } from './scheduled-runs.table.ts';

/** Finished jobs are kept a while for support questions ("was the mail sent?"), then removed. */
export const DONE_JOB_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** Removes what has outlived its purpose. Safe to run from several instances at once. */
export async function purgeExpired(args: { db: Database; clock: Clock }) {
  const now = args.clock.now().getTime();
  const keys = await args.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now - IDEMPOTENCY_RETENTION_MS)))
    .returning({ key: idempotencyKeys.key });
  const done = await args.db
    .delete(jobs)
    .where(and(eq(jobs.status, 'done'), lt(jobs.finishedAt, new Date(now - DONE_JOB_RETENTION_MS))))
    .returning({ id: jobs.id });
  return { idempotencyKeys: keys.length, jobs: done.length };
}

/**
 * Claims today's run of a daily task. Exactly one caller per day gets true, also when several
 * instances ask at once: the row update is the lock.
 */
export async function claimDailyRun(db: Database, name: string, today: string): Promise<boolean> {
  const claimed = await db
    .insert(scheduledRuns)
    .values({ name, lastRunOn: today })
    .onConflictDoUpdate({
      target: scheduledRuns.name,
      set: { lastRunOn: today },
      setWhere: sql`${scheduledRuns.lastRunOn} < ${today}::date`,
    })
    .returning({ name: scheduledRuns.name });
  return claimed.length > 0;
}
