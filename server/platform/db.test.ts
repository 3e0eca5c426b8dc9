import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing/test-database.ts';
import { copyLine, type DatabaseHandle, openDatabase, queryRows, sql } from './db.ts';

describe('copyLine', () => {
  it('writes a row in COPY text format with nulls and escaped tabs, newlines and backslashes', () => {
    expect(copyLine(['a', null, 3, true, 'tab\there', 'line\nbreak\r', 'back\\slash', undefined])).toBe(
      'a\t\\N\t3\ttrue\ttab\\there\tline\\nbreak\\r\tback\\\\slash\t\\N\n',
    );
  });
});

describe('bulk copy', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create table copy_probe (id int primary key, label text, note text)`);
  });
  afterAll(() => database.close());

  it('loads rows streamed in several chunks, with awkward text intact', async () => {
    async function* chunks() {
      yield copyLine([1, 'Kök (076506)', null]);
      yield copyLine([2, 'tab\tand\nnewline', 'back\\slash']) + copyLine([3, 'Åtgärd: bytt blandare', '']);
    }
    await database.copy('copy_probe', ['id', 'label', 'note'], chunks());
    const rows = await queryRows<{ id: number; label: string; note: string | null }>(
      database.db,
      sql`select id, label, note from copy_probe order by id`,
    );
    expect(rows).toEqual([
      { id: 1, label: 'Kök (076506)', note: null },
      { id: 2, label: 'tab\tand\nnewline', note: 'back\\slash' },
      { id: 3, label: 'Åtgärd: bytt blandare', note: '' },
    ]);
  });

  it('refuses a table or column name that is not a plain identifier', async () => {
    async function* none() {}
    await expect(database.copy('copy_probe; drop table x', ['id'], none())).rejects.toThrow(/identifier/);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('a PostgreSQL server', () => {
  it('runs without the JIT compiler, which costs short queries more than it saves', async () => {
    const test = await openTestDatabase();
    try {
      const [row] = await queryRows<{ jit: string }>(test.db, sql`select current_setting('jit') as jit`);
      expect(row!.jit).toBe('off');
    } finally {
      await test.close();
    }
  });

  it('keeps the process alive and serves the next query when an idle connection is terminated', async () => {
    const test = await openTestDatabase();
    const errors: Error[] = [];
    const handle = await openDatabase({
      databaseUrl: test.url!,
      poolSize: 2,
      onIdleError: (e) => errors.push(e),
    });
    try {
      const [me] = await queryRows<{ pid: number }>(handle.db, sql`select pg_backend_pid() as pid`);
      await queryRows(test.db, sql`select pg_terminate_backend(${me!.pid})`);
      await expect.poll(() => errors.length).toBeGreaterThan(0);
      const [again] = await queryRows<{ ok: number }>(handle.db, sql`select 1 as ok`);
      expect(again!.ok).toBe(1);
    } finally {
      await handle.close();
      await test.close();
    }
  });
});
