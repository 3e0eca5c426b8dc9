import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeOrg, makeUser, type TestUser } from '../../testing/factories.ts';
import { loopbackOnly, publicRoutes } from '../../testing/public-routes.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { users } from './identity.table.ts';
import { newTotpSecret } from './totp.ts';

/**
 * security.md 5 (and issue 6 items 4 and 7): a session with a gate reaches only the routes of that
 * step. These walks call every registered route with such a session, so a new route is covered the
 * day it is added: unless it is public or named below, it must answer 403 with the gate's code.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** What each gate leaves open besides the public routes, exactly. */
const openUnder = {
  second_factor: ['POST /api/session/second-factor', 'POST /api/session/second-factor/sms'],
  password_change: ['GET /api/me', 'GET /api/me/profile', 'POST /api/me/first-login'],
  second_factor_enrolment: [
    'GET /api/me',
    'GET /api/me/profile',
    'POST /api/me/two-factor/totp',
    'POST /api/me/two-factor/totp/confirm',
    'POST /api/me/two-factor/sms',
    'POST /api/me/two-factor/sms/confirm',
  ],
} as const;

const codes = {
  second_factor: 'auth.second_factor_required',
  password_change: 'auth.password_change_required',
  second_factor_enrolment: 'auth.second_factor_enrolment_required',
} as const;

async function walk(gate: keyof typeof openUnder, user: TestUser, orgId: string, cookie: string) {
  const open = new Set<string>(openUnder[gate]);
  const routes = t.routes.filter(
    (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
  );
  let checked = 0;
  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    if (publicRoutes.has(key) || loopbackOnly(route.url) || open.has(key)) continue;
    const url = route.url.replace(':orgId', orgId).replace(/:(\w+)/g, 'x');
    const res = await t.app.inject({ method: route.method as 'GET', url, headers: { cookie } });
    expect(res.statusCode, key).toBe(403);
    expect(res.json().code, key).toBe(codes[gate]);
    checked++;
  }
  // The walk reached the company's routes too, not just a handful.
  expect(checked).toBeGreaterThan(50);
  // And the session is still alive for its own step.
  const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
  if (gate === 'second_factor') expect(me.statusCode).toBe(403);
  else expect(me.json()).toMatchObject({ username: user.username, gate });
}

describe('a session with a gate reaches nothing but its step (security.md 5)', () => {
  it('a member of a company that requires two-step verification, without it, reaches only enrolment: every other route answers 403', async () => {
    const org = await makeOrg(t.database.db, 'client');
    await t.database.db
      .update(organizations)
      .set({ requireTwoFactor: true })
      .where(eq(organizations.id, org.id));
    const user = await makeUser(t.database.db, org, 'admin');
    await walk('second_factor_enrolment', user, org.id, await login(t.app, user));
  });

  it('an account created with a given password reaches only the first-login step', async () => {
    const org = await makeOrg(t.database.db, 'contractor');
    const user = await makeUser(t.database.db, org, 'admin');
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    await walk('password_change', user, org.id, await login(t.app, user));
  });

  it('a session past the password but not the code reaches only the code step', async () => {
    const org = await makeOrg(t.database.db, 'contractor');
    const user = await makeUser(t.database.db, org, 'admin');
    await t.database.db
      .update(users)
      .set({ secondFactor: 'totp', totpSecret: newTotpSecret() })
      .where(eq(users.id, user.id));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: user.password },
    });
    expect(res.json().status).toBe('second_factor_required');
    await walk('second_factor', user, org.id, `${res.cookies[0]!.name}=${res.cookies[0]!.value}`);
  });
});
