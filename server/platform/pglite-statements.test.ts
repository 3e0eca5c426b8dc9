import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './db.ts';

describe('statements kept prepared on the embedded database', () => {
  let handle: DatabaseHandle;
  let lite: PGlite;
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: null });
    lite = (handle.db as unknown as { $client: PGlite }).$client;
    await lite.exec(
      `create table probe (id int primary key, label text, data jsonb, at timestamptz, ok boolean)`,
    );
  });
  afterAll(() => handle.close());

  it('answers a repeated statement from one prepared statement, with the values typed as usual', async () => {
    const insert = 'insert into probe values ($1, $2, $3, $4, $5)';
    await lite.query(insert, [1, 'Kök', { rum: 'kök' }, new Date('2026-03-03T08:00:00Z'), true]);
    const inserted = await lite.query(insert, [2, null, null, null, false]);
    expect(inserted.affectedRows).toBe(1);
    const select = 'select id, label, data, at, ok from probe where id >= $1 order by id';
    const first = await lite.query(select, [1]);
    const again = await lite.query(select, [2], { rowMode: 'array' });
    expect(first.rows).toEqual([
      { id: 1, label: 'Kök', data: { rum: 'kök' }, at: new Date('2026-03-03T08:00:00Z'), ok: true },
      { id: 2, label: null, data: null, at: null, ok: false },
    ]);
    expect(again.rows).toEqual([[2, null, null, null, false]]);
    // A parser given with the query wins, as with PGlite's own query (drizzle keeps timestamps as text).
    const raw = await lite.query(select, [1], { parsers: { 1184: (v: string) => `text:${v}` } });
    expect((raw.rows[0] as { at: string }).at).toMatch(/^text:2026-03-03 08:00:00/);
    const kept = await lite.query<{ n: number }>(
      'select count(*)::int as n from pg_prepared_statements where statement in ($1, $2)',
      [insert, select],
    );
    expect(kept.rows[0]!.n).toBe(2);
  });

  it('waits for a running transaction instead of running inside it', async () => {
    let commit!: () => void;
    const held = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const transaction = lite.transaction(async (tx) => {
      await tx.query('insert into probe (id, label) values ($1, $2)', [10, 'i transaktionen']);
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    let answered = false;
    const outside = lite
      .query<{ n: number }>('select count(*)::int as n from probe where id = $1', [10])
      .then((r) => {
        answered = true;
        return r.rows[0]!.n;
      });
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    commit();
    await transaction;
    expect(await outside).toBe(1);
  });

  it('gives the database’s error and goes on working after it', async () => {
    const insert = 'insert into probe (id, label) values ($1, $2)';
    await lite.query(insert, [20, 'först']);
    await expect(lite.query(insert, [20, 'igen'])).rejects.toMatchObject({ code: '23505', query: insert });
    await expect(lite.query('select nonsense from probe where id = $1', [1])).rejects.toMatchObject({
      code: '42703',
    });
    const after = await lite.query<{ label: string }>('select label from probe where id = $1', [20]);
    expect(after.rows).toEqual([{ label: 'först' }]);
  });
});
