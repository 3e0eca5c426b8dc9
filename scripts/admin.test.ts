import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/platform/db.ts';
import { createTestApp } from '../server/testing/test-app.ts';
import { openTestDatabase } from '../server/testing/test-database.ts';

/**
 * Issue 6 item 1 (myMonitor "Skapa första kontot"): `npm run admin -- create-operator --email …` as a
 * person runs it — a separate process on the installation's database — prints a one-time set-up link
 * that the running portal then honours.
 */
const run = promisify(execFile);
// Each run is a fresh process that opens and migrates the database: slow on a busy machine.
const SLOW = { timeout: 240_000 };
const tsx = path.resolve('node_modules/.bin/tsx');
const PUBLIC_URL = 'https://drift.ordning.example';
let dataDir: string;
let serverDb: Awaited<ReturnType<typeof openTestDatabase>> | null = null;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-admin-'));
  // On PostgreSQL the command and the app share a throwaway database; on PGlite, the data directory.
  if (process.env.TEST_DATABASE_URL) serverDb = await openTestDatabase();
});
afterAll(async () => {
  await serverDb?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function admin(...args: string[]) {
  const { DATABASE_URL: _, ...env } = process.env;
  return run(tsx, ['scripts/admin.ts', ...args], {
    env: { ...env, DATA_DIR: dataDir, PUBLIC_URL, ...(serverDb?.url ? { DATABASE_URL: serverDb.url } : {}) },
  });
}

/** The portal on the same database the command wrote to. */
async function portal() {
  const database = serverDb ?? (await openDatabase({ dataDir }));
  const t = await createTestApp({ database, env: { PUBLIC_URL } });
  return {
    t,
    async close() {
      await t.close();
      if (!serverDb) await database.close();
    },
  };
}

const linkIn = (stdout: string) => {
  const match = stdout.match(new RegExp(`${PUBLIC_URL}/account-setup/([A-Za-z0-9_-]{40,})`));
  if (!match) throw new Error(`no set-up link in: ${stdout}`);
  return match[1]!;
};

describe('npm run admin -- create-operator', () => {
  it('refuses to run without a valid --email and says how to call it', SLOW, async () => {
    const failed = await admin('create-operator', '--email', 'inte-en-adress').catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('Usage: npm run admin -- create-operator --email');
    const unknown = await admin('make-coffee').catch((e) => e);
    expect(unknown.code).toBe(2);
  });

  it(
    'prints a one-time set-up link; run again before set-up it prints a new one and the first stops working',
    SLOW,
    async () => {
      const first = await admin(
        'create-operator',
        '--email',
        'Drift@Ordning.example',
        '--name',
        'Drift Admin',
      );
      expect(first.stdout).toContain('Operator administrator created');
      const firstToken = linkIn(first.stdout);
      const again = await admin('create-operator', '--email', 'drift@ordning.example');
      expect(again.stdout).toContain('new set-up link');
      const token = linkIn(again.stdout);
      expect(token).not.toBe(firstToken);

      const { t, close } = await portal();
      try {
        expect((await t.app.inject({ url: `/api/account-setup/${firstToken}` })).statusCode).toBe(410);
        const view = await t.app.inject({ url: `/api/account-setup/${token}` });
        expect(view.json()).toEqual({ email: 'drift@ordning.example', name: 'Drift Admin' });
        const password = 'driftens långa lösenord i terminalen';
        const setup = await t.app.inject({
          method: 'POST',
          url: `/api/account-setup/${token}`,
          payload: { username: 'drift', password, passwordConfirmation: password },
        });
        expect(setup.statusCode, setup.body).toBe(200);
        expect(setup.json().memberships).toEqual([
          expect.objectContaining({ orgKind: 'operator', role: 'admin' }),
        ]);
      } finally {
        await close();
      }

      // Once set up, the address is an account like any other: the command refuses it.
      const taken = await admin('create-operator', '--email', 'drift@ordning.example').catch((e) => e);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain('already exists');
    },
  );
});
