import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../platform/db.ts';

/**
 * A fresh in-memory embedded database, migrated: started from the run's migrated copy
 * (`database-template.global.ts`) when there is one, else from an empty cluster.
 */
export async function openEmbeddedTestDatabase(): Promise<DatabaseHandle> {
  const file = inject('databaseTemplate');
  const template = file ? new Blob([await fs.readFile(file)]) : undefined;
  const handle = await openDatabase({ dataDir: null, ...(template ? { template } : {}) });
  // Nothing to do on the copy but to confirm it is current.
  await handle.migrate();
  return handle;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or, when
 * TEST_DATABASE_URL is set, a throwaway database on that PostgreSQL server, dropped on close.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url: string | null }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { ...(await openEmbeddedTestDatabase()), url: null };
  const name = `ordning_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
