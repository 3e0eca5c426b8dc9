import { and, eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.ts';
import type { DatabaseHandle, Executor } from './db.ts';
import { shapedQuery, slot } from './prepared.ts';

const probe = pgTable('prepared_probe', { id: integer('id').primaryKey(), owner: text('owner').notNull() });

type Shape = { owner: string; below?: number | undefined; newestFirst: boolean };

describe('shapedQuery', () => {
  let database: DatabaseHandle;
  let builds = 0;
  const byOwner = shapedQuery((db: Executor, shape: Shape) => {
    builds++;
    return db
      .select({ id: probe.id })
      .from(probe)
      .where(
        and(
          eq(probe.owner, shape.owner),
          shape.below === undefined ? undefined : sql`${probe.id} < ${shape.below}`,
        ),
      )
      .orderBy(shape.newestFirst ? sql`${probe.id} desc` : probe.id);
  });
  const ids = (db: Executor, owner: string, options: { below?: number; newestFirst?: boolean } = {}) =>
    byOwner(
      db,
      {
        owner: slot('owner'),
        below: options.below === undefined ? undefined : slot('below'),
        newestFirst: options.newestFirst ?? false,
      },
      { owner, below: options.below },
    ).then((rows) => rows.map((r) => r.id));

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create table prepared_probe (id int primary key, owner text not null)`);
    await database.db.execute(sql`insert into prepared_probe values (1, 'a'), (2, 'a'), (3, 'b'), (4, 'a')`);
  });
  afterAll(() => database.close());

  it('builds a shape once and runs it with each caller’s own values', async () => {
    builds = 0;
    expect(await ids(database.db, 'a')).toEqual([1, 2, 4]);
    expect(await ids(database.db, 'b')).toEqual([3]);
    expect(await ids(database.db, 'nobody')).toEqual([]);
    expect(builds).toBe(1);
  });

  it('builds another statement for another shape, never reusing one whose text differs', async () => {
    builds = 0;
    expect(await ids(database.db, 'a', { newestFirst: true })).toEqual([4, 2, 1]);
    expect(await ids(database.db, 'a', { below: 3 })).toEqual([1, 2]);
    expect(await ids(database.db, 'a', { below: 2 })).toEqual([1]);
    expect(await ids(database.db, 'a')).toEqual([1, 2, 4]);
    expect(builds).toBe(2);
  });

  it('inside a transaction builds for its connection and sees what the transaction wrote', async () => {
    builds = 0;
    let inTx: number[][] = [];
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into prepared_probe values (5, 'a')`);
        inTx = [await ids(tx, 'a'), await ids(tx, 'a')];
        throw new Error('undo');
      })
      .catch(() => undefined);
    expect(inTx).toEqual([
      [1, 2, 4, 5],
      [1, 2, 4, 5],
    ]);
    expect(builds).toBe(2);
    expect(await ids(database.db, 'a')).toEqual([1, 2, 4]);
  });

  it('fails loudly when a run leaves a slot without a value', async () => {
    await expect(byOwner(database.db, { owner: slot('owner'), newestFirst: false }, {})).rejects.toThrow(
      /owner/,
    );
  });
});
