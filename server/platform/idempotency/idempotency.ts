import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Tx } from '../db.ts';
import { defineProblem } from '../errors.ts';
import { idempotencyKeys } from './idempotency.table.ts';

export const idempotencyKeyReused = defineProblem({
  status: 422,
  code: 'request.idempotency_key_reused',
  title: {
    sv: 'Idempotency-Key har redan använts för en annan begäran',
    en: 'The Idempotency-Key was already used for a different request',
  },
});

/** How long a key is remembered; security.md 27 asks for at least 24 hours. */
export const IDEMPOTENCY_RETENTION_MS = 48 * 60 * 60 * 1000;

export function hashRequest(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

/**
 * Runs a creating command at most once per key. The key row is written in the command's own
 * transaction: a parallel request with the same key waits on it, then gets the stored answer.
 */
export async function once<T>(args: {
  tx: Tx;
  clock: Clock;
  scope: { userId: string; orgId: string };
  key: string | undefined;
  body: unknown;
  run: () => Promise<{ status: number; body: T }>;
}): Promise<{ status: number; body: T; replayed: boolean }> {
  const { tx, clock, scope, key, body, run } = args;
  if (!key) return { ...(await run()), replayed: false };
  const requestHash = hashRequest(body);
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ userId: scope.userId, orgId: scope.orgId, key, requestHash, createdAt: clock.now() })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) {
    const [stored] = await tx
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.userId, scope.userId),
          eq(idempotencyKeys.orgId, scope.orgId),
          eq(idempotencyKeys.key, key),
        ),
      );
    if (!stored || stored.requestHash !== requestHash || stored.responseStatus === null) {
      throw idempotencyKeyReused();
    }
    return { status: stored.responseStatus, body: stored.responseBody as T, replayed: true };
  }
  const result = await run();
  await tx
    .update(idempotencyKeys)
    .set({ responseStatus: result.status, responseBody: result.body as object })
    .where(
      and(
        eq(idempotencyKeys.userId, scope.userId),
        eq(idempotencyKeys.orgId, scope.orgId),
        eq(idempotencyKeys.key, key),
      ),
    );
  return { ...result, replayed: false };
}
