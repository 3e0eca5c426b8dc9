import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeOrg, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { memberships } from '../organizations/organizations.table.ts';
import { resolveSession } from './identity.usecases.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  token = (await login(t.app, world.users.manager)).split('=')[1]!;
});
afterAll(() => t.close());

const deps = () => ({ db: t.database.db, clock: { now: () => new Date() } });

describe('the session of a company-scoped request', () => {
  it('brings the membership in the named company along', async () => {
    const session = await resolveSession(deps(), token, world.contractor.id);
    expect(session?.membership).toEqual({
      orgId: world.contractor.id,
      orgKind: 'contractor',
      role: 'manager',
    });
  });

  it('says null for a company the user is not in, and leaves it out when no company is named', async () => {
    const other = await makeOrg(t.database.db, 'client');
    expect((await resolveSession(deps(), token, other.id))?.membership).toBeNull();
    expect(await resolveSession(deps(), token)).not.toHaveProperty('membership');
  });

  it('says null for a disabled membership, which grants nothing', async () => {
    const mine = eq(memberships.userId, world.users.manager.id);
    await t.database.db.update(memberships).set({ disabledAt: new Date() }).where(mine);
    try {
      expect((await resolveSession(deps(), token, world.contractor.id))?.membership).toBeNull();
    } finally {
      await t.database.db.update(memberships).set({ disabledAt: null }).where(mine);
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('on PostgreSQL', () => {
  it('a company-scoped read checks session and membership in one statement before its own', async () => {
    const texts: string[] = [];
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const config = args[0] as string | { text?: string };
      texts.push(typeof config === 'string' ? config : (config.text ?? ''));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      const cookie = `ordning_session=${token}`;
      const res = await t.app.inject({
        url: `/api/orgs/${world.contractor.id}/work-orders`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
    } finally {
      pg.Client.prototype.query = original;
    }
    expect(texts.filter((q) => /from "sessions"/.test(q))).toHaveLength(1);
    expect(texts.filter((q) => /from "memberships" inner join "organizations"/.test(q))).toHaveLength(0);
  });
});
