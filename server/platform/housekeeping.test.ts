import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.ts';
import { fixedClock } from './clock.ts';
import type { DatabaseHandle } from './db.ts';
import { purgeExpired } from './housekeeping.ts';
import { idempotencyKeys } from './idempotency/idempotency.table.ts';
import { jobs } from './jobs/jobs.table.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const userId = '00000000-0000-4000-8000-000000000001';
const orgId = '00000000-0000-4000-8000-000000000002';

describe('housekeeping', () => {
  it('keeps idempotency keys at least 24 hours and finished jobs 30 days, then removes them', async () => {
    const clock = fixedClock('2026-06-01T12:00:00Z');
    const at = (hoursAgo: number) => new Date(clock.now().getTime() - hoursAgo * 3600_000);
    await database.db.insert(idempotencyKeys).values([
      { userId, orgId, key: 'fresh', requestHash: 'x', createdAt: at(25) },
      { userId, orgId, key: 'old', requestHash: 'x', createdAt: at(49) },
    ]);
    await database.db.insert(jobs).values([
      { kind: 'k', payload: {}, status: 'done', runAt: at(800), createdAt: at(800), finishedAt: at(24 * 31) },
      { kind: 'k', payload: {}, status: 'done', runAt: at(10), createdAt: at(10), finishedAt: at(10) },
      {
        kind: 'k',
        payload: {},
        status: 'failed',
        runAt: at(800),
        createdAt: at(800),
        finishedAt: at(24 * 40),
      },
    ]);
    expect(await purgeExpired({ db: database.db, clock })).toEqual({ idempotencyKeys: 1, jobs: 1 });
    const keys = await database.db.select().from(idempotencyKeys);
    expect(keys.map((k) => k.key)).toEqual(['fresh']);
    // Failed jobs stay: they are the record of mail that never arrived.
    expect((await database.db.select().from(jobs)).map((j) => j.status).sort()).toEqual(['done', 'failed']);
  });
});
