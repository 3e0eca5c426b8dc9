import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import { type Database, type Executor, queryRows, type Tx } from '../db.ts';
import { type JobRow, jobs } from './jobs.table.ts';

export type EnqueueInput = { kind: string; payload: unknown; runAt?: Date; maxAttempts?: number };

/** Adds a job inside the caller's transaction: it runs only if that transaction commits. */
export async function enqueueJob(tx: Executor, clock: Clock, input: EnqueueInput): Promise<string> {
  const now = clock.now();
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload,
      runAt: input.runAt ?? now,
      maxAttempts: input.maxAttempts ?? 8,
      createdAt: now,
    })
    .returning({ id: jobs.id });
  return row!.id;
}

export type JobHandler = {
  /** Does the work. Throwing schedules a retry with backoff until the attempts run out. */
  run(job: JobRow): Promise<void>;
  /** Called in the transaction that marks the job done (e.g. to log that a mail went out). */
  onDone?(args: { tx: Tx; job: JobRow }): Promise<void>;
  /** Called once, in the transaction that marks the job failed, to make the failure visible. */
  onFailed?(args: { tx: Tx; job: JobRow; error: string }): Promise<void>;
};

export type WorkerOptions = {
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  handlers: Map<string, JobHandler>;
  /** Milliseconds between polls when idle. */
  pollIntervalMs?: number;
  batchSize?: number;
  /** How long a claimed job stays claimed; a worker that died frees its jobs when this runs out. */
  leaseMs?: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
};

export function backoffMs(attempt: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

export type Worker = {
  start(): void;
  /** Stops taking jobs and waits for the ones in hand. */
  stop(): Promise<void>;
  /** Claims and runs what is due now; returns how many jobs it ran. For tests and scripts. */
  runOnce(): Promise<number>;
};

export function createWorker(options: WorkerOptions): Worker {
  const {
    db,
    clock,
    log,
    handlers,
    pollIntervalMs = 1000,
    batchSize = 10,
    leaseMs = 5 * 60_000,
    baseBackoffMs = 30_000,
    maxBackoffMs = 60 * 60_000,
  } = options;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let current: Promise<number> | undefined;

  async function claim(): Promise<JobRow[]> {
    const now = clock.now();
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return [];
    return db.transaction(async (tx) => {
      const due = await queryRows<{ id: string }>(
        tx,
        sql`select id from jobs
            where ((status = 'pending' and run_at <= ${now.toISOString()})
               or (status = 'running' and locked_until < ${now.toISOString()}))
              and kind in ${kinds}
            order by run_at
            limit ${batchSize}
            for update skip locked`,
      );
      if (due.length === 0) return [];
      return tx
        .update(jobs)
        .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: leaseEnd })
        .where(sql`${jobs.id} in ${due.map((d) => d.id)}`)
        .returning();
    });
  }

  async function runJob(job: JobRow) {
    const handler = handlers.get(job.kind)!;
    try {
      await handler.run(job);
      await db.transaction(async (tx) => {
        const marked = await tx
          .update(jobs)
          .set({ status: 'done', finishedAt: clock.now(), lockedUntil: null, lastError: null })
          .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)))
          .returning({ id: jobs.id });
        if (marked.length > 0 && handler.onDone) await handler.onDone({ tx, job });
      });
      log.debug({ jobId: job.id, kind: job.kind }, 'job done');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const now = clock.now();
      if (job.attempts >= job.maxAttempts) {
        await db.transaction(async (tx) => {
          const marked = await tx
            .update(jobs)
            .set({ status: 'failed', finishedAt: now, lockedUntil: null, lastError: message })
            .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)))
            .returning({ id: jobs.id });
          if (marked.length > 0 && handler.onFailed) await handler.onFailed({ tx, job, error: message });
        });
        log.error(
          { jobId: job.id, kind: job.kind, attempts: job.attempts, error: message },
          'job failed for good',
        );
      } else {
        const delay = backoffMs(job.attempts, baseBackoffMs, maxBackoffMs);
        await db
          .update(jobs)
          .set({
            status: 'pending',
            runAt: new Date(now.getTime() + delay),
            lockedUntil: null,
            lastError: message,
          })
          .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)));
        log.warn(
          { jobId: job.id, kind: job.kind, attempt: job.attempts, retryInMs: delay, error: message },
          'job will retry',
        );
      }
    }
  }

  async function runOnce(): Promise<number> {
    const claimed = await claim();
    for (const job of claimed) {
      await runJob(job);
    }
    return claimed.length;
  }

  function schedule(delay: number) {
    if (stopping) return;
    timer = setTimeout(tick, delay);
    timer.unref?.();
  }

  async function tick() {
    if (stopping) return;
    let ran = 0;
    current = runOnce().catch((err) => {
      log.error({ err }, 'job worker poll failed');
      return 0;
    });
    ran = await current;
    current = undefined;
    // A full batch suggests more are waiting: go again at once.
    schedule(ran >= batchSize ? 0 : pollIntervalMs);
  }

  return {
    start() {
      stopping = false;
      schedule(0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      if (current) await current;
    },
    runOnce,
  };
}
