import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/test-database.ts';
import { fixedClock } from '../clock.ts';
import type { DatabaseHandle } from '../db.ts';
import { jobs } from './jobs.table.ts';
import { backoffMs, createWorker, enqueueJob, type JobHandler } from './jobs.ts';

const log = pino({ level: 'silent' });
const clock = fixedClock('2026-01-10T10:00:00Z');
let database: DatabaseHandle;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

function recorder(kind: string, behaviour: (payload: unknown) => Promise<void> = async () => {}) {
  const runs: unknown[] = [];
  const failures: string[] = [];
  const handler: JobHandler = {
    async run(job) {
      runs.push(job.payload);
      await behaviour(job.payload);
    },
    async onFailed({ error }) {
      failures.push(error);
    },
  };
  return { runs, failures, handlers: new Map([[kind, handler]]) };
}

describe('the outbox', () => {
  it('runs a job only after the transaction that queued it commits', async () => {
    const r = recorder('test.commit');
    const worker = createWorker({ db: database.db, clock, log, handlers: r.handlers });
    await database.db
      .transaction(async (tx) => {
        await enqueueJob(tx, clock, { kind: 'test.commit', payload: { n: 1 } });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await worker.runOnce()).toBe(0);
    await database.db.transaction((tx) => enqueueJob(tx, clock, { kind: 'test.commit', payload: { n: 2 } }));
    expect(await worker.runOnce()).toBe(1);
    expect(r.runs).toEqual([{ n: 2 }]);
  });

  it('two workers draining at once run each job exactly once', async () => {
    const r = recorder('test.parallel', () => new Promise((resolve) => setTimeout(resolve, 2)));
    for (let i = 0; i < 40; i++) await enqueueJob(database.db, clock, { kind: 'test.parallel', payload: i });
    const a = createWorker({ db: database.db, clock, log, handlers: r.handlers, batchSize: 5 });
    const b = createWorker({ db: database.db, clock, log, handlers: r.handlers, batchSize: 5 });
    let ran = 0;
    for (;;) {
      const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
      ran += x + y;
      if (x + y === 0) break;
    }
    expect(ran).toBe(40);
    expect((r.runs as number[]).sort((p, q) => p - q)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('retries with growing delays and makes the final failure visible once', async () => {
    const r = recorder('test.failing', async () => {
      throw new Error('boom');
    });
    const worker = createWorker({
      db: database.db,
      clock,
      log,
      handlers: r.handlers,
      baseBackoffMs: 1000,
      maxBackoffMs: 4000,
    });
    const id = await enqueueJob(database.db, clock, { kind: 'test.failing', payload: {}, maxAttempts: 4 });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const start = clock.now().getTime();
      expect(await worker.runOnce()).toBe(1);
      const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
      if (attempt < 4) {
        expect(row).toMatchObject({ status: 'pending', attempts: attempt, lastError: 'boom' });
        delays.push(row!.runAt.getTime() - start);
        clock.set(row!.runAt);
      } else {
        expect(row).toMatchObject({ status: 'failed', attempts: 4, lastError: 'boom' });
      }
    }
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(r.failures).toEqual(['boom']);
    clock.advance(24 * 60 * 60 * 1000);
    expect(await worker.runOnce()).toBe(0);
  });

  it('takes back a job whose worker died, once its lease has run out', async () => {
    const r = recorder('test.lease');
    const worker = createWorker({ db: database.db, clock, log, handlers: r.handlers, leaseMs: 60_000 });
    const id = await enqueueJob(database.db, clock, { kind: 'test.lease', payload: 'x' });
    // As a worker would leave it if the process were killed mid-job.
    await database.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: new Date(clock.now().getTime() + 60_000) })
      .where(eq(jobs.id, id));
    expect(await worker.runOnce()).toBe(0);
    clock.advance(61_000);
    expect(await worker.runOnce()).toBe(1);
    const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('leaves jobs it has no handler for to the workers that do', async () => {
    const worker = createWorker({ db: database.db, clock, log, handlers: recorder('test.known').handlers });
    await enqueueJob(database.db, clock, { kind: 'test.unknown', payload: {} });
    expect(await worker.runOnce()).toBe(0);
  });

  it('doubles the delay per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 10].map((a) => backoffMs(a, 30_000, 3_600_000))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 3_600_000,
    ]);
  });
});
