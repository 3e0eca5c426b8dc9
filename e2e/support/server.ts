import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Role } from '../../contract/organizations.ts';
import { createApp } from '../../server/app.ts';
import { seedDemo } from '../../server/modules/demo/demo.seed.ts';
import { findUserByLogin } from '../../server/modules/identity/identity.repository.ts';
import { createUser } from '../../server/modules/identity/identity.usecases.ts';
import { insertMembership } from '../../server/modules/organizations/organizations.repository.ts';
import { organizations } from '../../server/modules/organizations/organizations.table.ts';
import { systemClock } from '../../server/platform/clock.ts';
import { loadConfig } from '../../server/platform/config.ts';
import type { Database } from '../../server/platform/db.ts';
import { loadPageRenderer } from '../../server/platform/web-pages.ts';
import { openEmbeddedTestDatabase } from '../../server/testing/test-database.ts';
import { DEMO_PASSWORD } from './browser.ts';

export type TestServer = {
  baseUrl: string;
  /** The server's database, for a test that stages what a browser cannot cause (a mail server's refusal). */
  db: Database;
  close(): Promise<void>;
};

/** The shared secret of POST /api/inbound-mail in the tests: replies are posted there as raw MIME. */
export const INBOUND_MAIL_SECRET = 'e2e-inbound-secret-0123456789abcdef';

/** A demo user's extra membership, for tests of people who work for several companies. */
export type ExtraMembership = { username: string; orgName: string; role: Role };

/**
 * A person the demo lacks, e.g. a client administrator (the demo's client has only a coordinator),
 * with the demo password, added in the test's setup as an administrator would invite them.
 */
export type ExtraUser = { username: string; name: string; orgName: string; role: Role };

/**
 * The real server with the demo data, in memory, on a free port, serving the built web app from
 * dist/web and drawing its pages with dist/web-server. Mail goes to files (the development mailbox), delivered by the real outbox worker;
 * replies come in through POST /api/inbound-mail with INBOUND_MAIL_SECRET.
 */
export async function startServer(
  options: { extraMemberships?: ExtraMembership[]; extraUsers?: ExtraUser[] } = {},
): Promise<TestServer> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ordning-e2e-'));
  const database = await openEmbeddedTestDatabase();
  await seedDemo({ db: database.db, publicUrl: 'http://127.0.0.1' });
  for (const extra of options.extraMemberships ?? []) {
    const user = await findUserByLogin(database.db, extra.username);
    const [org] = await database.db.select().from(organizations).where(eq(organizations.name, extra.orgName));
    if (!user || !org) throw new Error(`no demo user ${extra.username} or company ${extra.orgName}`);
    await insertMembership(database.db, {
      userId: user.id,
      orgId: org.id,
      role: extra.role,
      createdAt: new Date(),
    });
  }
  for (const extra of options.extraUsers ?? []) {
    const [org] = await database.db.select().from(organizations).where(eq(organizations.name, extra.orgName));
    if (!org) throw new Error(`no demo company ${extra.orgName}`);
    const user = await createUser(
      { db: database.db, clock: systemClock },
      {
        username: extra.username,
        email: `${extra.username}@e2e.example`,
        name: extra.name,
        password: DEMO_PASSWORD,
      },
    );
    await insertMembership(database.db, {
      userId: user.id,
      orgId: org.id,
      role: extra.role,
      createdAt: new Date(),
    });
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    INBOUND_MAIL_SECRET,
    INBOUND_MAIL_DOMAIN: 'svar.ordning.test',
  });
  const { app, worker } = await createApp({
    config,
    database,
    clock: systemClock,
    webDir: path.resolve('dist/web'),
    // Pages drawn on the server as in production: the server build of the web app (decision 0020).
    pageRenderer: await loadPageRenderer(path.resolve('dist/web-server/entry-server.js')),
    worker: { pollIntervalMs: 200, baseBackoffMs: 200, maxBackoffMs: 1000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  worker.start();
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no TCP address');

  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    db: database.db,
    async close() {
      await worker.stop();
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
