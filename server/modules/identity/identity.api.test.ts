import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../platform/auth/tokens.ts';
import { fixedClock } from '../../platform/clock.ts';
import { login, makeOrg, makeUser, type TestUser } from '../../testing/factories.ts';
import { loopbackOnly, publicRoutes } from '../../testing/public-routes.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { sessions, users } from './identity.table.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './identity.usecases.ts';

const clock = fixedClock('2026-03-02T08:00:00Z');
let t: TestApp;
let user: TestUser;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const org = await makeOrg(t.database.db, 'contractor', 'Inloggning AB');
  orgId = org.id;
  user = await makeUser(t.database.db, org, 'manager');
});
afterAll(() => t.close());

const me = (cookie?: string) => t.app.inject({ url: '/api/me', headers: cookie ? { cookie } : {} });

function cookieValue(cookie: string) {
  return cookie.split('=').slice(1).join('=');
}

describe('logging in', () => {
  it('works with the username or the e-mail, in any letter case, and tells who is logged in', async () => {
    for (const loginName of [user.username, user.email, user.username.toUpperCase()]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { login: loginName, password: user.password },
      });
      expect(res.statusCode, loginName).toBe(200);
      expect(res.json()).toMatchObject({
        username: user.username,
        memberships: [{ orgId, orgName: 'Inloggning AB', orgKind: 'contractor', role: 'manager' }],
      });
    }
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: 'fel lösenord' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: 'ingen-alls', password: 'fel lösenord' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({
      code: 'auth.invalid_credentials',
      title: 'Fel användarnamn eller lösenord',
    });
    expect(wrong.cookies).toHaveLength(0);
  });

  it('refuses a disabled user like a wrong password', async () => {
    const org = await makeOrg(t.database.db, 'client');
    const disabled = await makeUser(t.database.db, org, 'viewer');
    await t.database.db.update(users).set({ disabledAt: clock.now() }).where(eq(users.id, disabled.id));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: disabled.username, password: disabled.password },
    });
    expect(res.statusCode).toBe(401);
  });

  it('sets an HttpOnly, SameSite cookie and stores only a hash of the token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: user.password },
    });
    const cookie = res.cookies[0]!;
    expect(cookie).toMatchObject({ name: 'ordning_session', httpOnly: true, sameSite: 'Lax', path: '/' });
    const stored = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(cookie.value)));
    expect(stored).toHaveLength(1);
    const raw = await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, cookie.value));
    expect(raw).toHaveLength(0);
  });

  it('gives a new session id at every login and ends the one the browser had', async () => {
    const first = await login(t.app, user);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { cookie: first },
      payload: { login: user.username, password: user.password },
    });
    const second = `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;
    expect(cookieValue(second)).not.toBe(cookieValue(first));
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('names the missing field when the body is incomplete', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'password' })]);
  });
});

describe('sessions', () => {
  it('logging out deletes the session on the server: replaying the old cookie gives 401', async () => {
    const cookie = await login(t.app, user);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    const stored = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(cookieValue(cookie))));
    expect(stored).toHaveLength(0);
  });

  it('logging out without a session is harmless', async () => {
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session' });
    expect(out.statusCode).toBe(204);
  });

  it('ends after an hour without use', async () => {
    clock.set('2026-03-02T08:00:00Z');
    const cookie = await login(t.app, user);
    clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    // Used just now, so the idle hour starts again.
    clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    clock.advance(SESSION_IDLE_MS + 1000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends 24 hours after login even when in use', async () => {
    clock.set('2026-03-03T08:00:00Z');
    const cookie = await login(t.app, user);
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - SESSION_IDLE_MS; elapsed += SESSION_IDLE_MS / 2) {
      clock.advance(SESSION_IDLE_MS / 2);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    clock.set(new Date(Date.parse('2026-03-03T08:00:00Z') + SESSION_ABSOLUTE_MS + 1000));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends at once when the user is disabled', async () => {
    clock.set('2026-03-04T08:00:00Z');
    const org = await makeOrg(t.database.db, 'client');
    const someone = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, someone);
    await t.database.db.update(users).set({ disabledAt: clock.now() }).where(eq(users.id, someone.id));
    expect((await me(cookie)).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: `/api/orgs/${org.id}/work-orders`, headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it('refuses a state-changing request from a foreign origin', async () => {
    clock.set('2026-03-05T08:00:00Z');
    const cookie = await login(t.app, user);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/work-orders`,
      headers: { cookie, origin: 'https://evil.example' },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('request.foreign_origin');
    const crossSite = await t.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await me(cookie)).statusCode).toBe(200);
    const sameOrigin = await t.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie, origin: 'http://localhost:3000' },
    });
    expect(sameOrigin.statusCode).toBe(204);
  });
});

describe('with an https address', () => {
  it('uses a Secure __Host- cookie', async () => {
    const secure = await createTestApp({
      env: { PUBLIC_URL: 'https://ordning.example' },
      database: t.database,
    });
    try {
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { login: user.username, password: user.password },
      });
      expect(res.cookies[0]).toMatchObject({
        name: '__Host-ordning_session',
        secure: true,
        httpOnly: true,
        path: '/',
      });
      expect(res.cookies[0]).not.toHaveProperty('domain');
    } finally {
      await secure.close();
    }
  });
});

describe('every route outside a company', () => {
  it('answers 401 without a session unless it is public by design', async () => {
    const routes = t.routes.filter(
      (r) =>
        r.url.startsWith('/api/') &&
        !r.url.startsWith('/api/orgs/') &&
        !r.url.startsWith('/api/docs') &&
        r.method !== 'HEAD',
    );
    expect(routes.length).toBeGreaterThan(3);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      if (publicRoutes.has(key) || loopbackOnly(route.url)) continue;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(/:(\w+)/g, 'x'),
      });
      expect(res.statusCode, key).toBe(401);
    }
  });

  it('the health check says which database the server runs on', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded',
      version: expect.any(String),
    });
  });

  it('the development mailbox answers only requests from this machine', async () => {
    const local = await t.app.inject({ url: '/api/dev/mail' });
    expect(local.statusCode).toBe(200);
    const remote = await t.app.inject({ url: '/api/dev/mail', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(404);
  });
});
