/**
 * Vitest's global setup (both configs): one migrated embedded database per test run, which every
 * test file's database starts from (`test-database.ts`). An empty PGlite cluster costs 2,5 s of
 * initdb and the migrations 0,3 s more, once per file without it (80 files on two cores: about two
 * minutes of the suite); starting from the copy costs 1 s.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file holding the migrated embedded database's files (a tar). */
    databaseTemplate: string | undefined;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // The tests' databases are throwaway databases on that server instead.
  if (process.env.TEST_DATABASE_URL) return undefined;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ordning-template-'));
  const file = path.join(dir, 'migrated.tar');
  const handle = await openDatabase({ dataDir: null });
  try {
    await handle.migrate();
    const dump = await handle.dump?.();
    if (!dump) throw new Error('the embedded database gave no copy of its files');
    await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  project.provide('databaseTemplate', file);
  return () => fs.rm(dir, { recursive: true, force: true });
}
