import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, type AppDeps, createApp } from '../app.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import type { DatabaseHandle } from '../platform/db.ts';
import { openTestDatabase } from './test-database.ts';

export type TestApp = App & {
  database: DatabaseHandle;
  config: Config;
  dataDir: string;
  close(): Promise<void>;
};

/** The real app on a fresh database, for `app.inject` tests. Mail goes to files unless smtpUrl is given. */
export async function createTestApp(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    database?: DatabaseHandle;
    worker?: AppDeps['worker'];
    sms?: AppDeps['sms'];
    logStream?: AppDeps['logStream'];
    webDir?: string;
    pageRenderer?: AppDeps['pageRenderer'];
  } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-test-'));
  const database = options.database ?? (await openTestDatabase());
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    ...options.env,
  });
  const app = await createApp({
    config,
    database,
    clock: options.clock ?? systemClock,
    worker: options.worker,
    sms: options.sms,
    logStream: options.logStream,
    webDir: options.webDir,
    pageRenderer: options.pageRenderer,
  });
  await app.app.ready();
  return {
    ...app,
    database,
    config,
    dataDir,
    async close() {
      await app.worker.stop();
      await app.app.close();
      if (!options.database) await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
