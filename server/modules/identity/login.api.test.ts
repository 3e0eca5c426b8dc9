import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { makeOrg, makeUser, type TestUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { auditEvents } from '../audit/audit.table.ts';
import { users } from './identity.table.ts';
import { MAX_FAILURES_IN_A_ROW } from './login-throttle.policy.ts';

const clock = fixedClock('2026-04-01T08:00:00Z');
let t: TestApp;
let org: Awaited<ReturnType<typeof makeOrg>>;
let ipCounter = 0;
// Each test logs in from its own address unless it tests the per-IP limit.
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await makeOrg(t.database.db, 'client', 'Throttle AB');
});
afterAll(() => t.close());

const attempt = (login: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/session', payload: { login, password }, remoteAddress });

async function failedLogins(user: TestUser) {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
  return row!.failedLogins;
}

describe('failed logins on one account (security.md 2)', () => {
  it('after five mistakes the next attempt must wait, and the wait grows', async () => {
    const user = await makeUser(t.database.db, org, 'viewer');
    for (let i = 0; i < 5; i++) {
      expect((await attempt(user.username, 'fel fel fel fel fel', freshIp())).statusCode).toBe(401);
    }
    const throttled = await attempt(user.username, user.password, freshIp());
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('auth.login_throttled');
    expect(Number(throttled.headers['retry-after'])).toBe(30);
    clock.advance(31_000);
    expect((await attempt(user.username, 'fel igen fel igen', freshIp())).statusCode).toBe(401);
    const longer = await attempt(user.username, user.password, freshIp());
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBe(60);
    clock.advance(61_000);
    expect((await attempt(user.username, user.password, freshIp())).statusCode).toBe(200);
  });

  it('a successful login sets the count back to zero', async () => {
    const user = await makeUser(t.database.db, org, 'viewer');
    for (let i = 0; i < 3; i++) await attempt(user.username, 'inte rätt lösenord', freshIp());
    expect(await failedLogins(user)).toBe(3);
    expect((await attempt(user.username, user.password, freshIp())).statusCode).toBe(200);
    expect(await failedLogins(user)).toBe(0);
  });

  it('never allows more than 100 failures in a row, however long one waits between them', async () => {
    const user = await makeUser(t.database.db, org, 'viewer');
    await t.database.db
      .update(users)
      .set({ failedLogins: MAX_FAILURES_IN_A_ROW - 1, lastFailedLoginAt: clock.now() })
      .where(eq(users.id, user.id));
    clock.advance(2 * 60 * 60 * 1000);
    expect((await attempt(user.username, 'den hundrade gissningen', freshIp())).statusCode).toBe(401);
    clock.advance(30 * 24 * 60 * 60 * 1000);
    const locked = await attempt(user.username, user.password, freshIp());
    expect(locked.statusCode).toBe(429);
    expect(await failedLogins(user)).toBe(MAX_FAILURES_IN_A_ROW);
  });

  it('an unknown name is throttled exactly like an account, so the 429 tells nothing (security.md 9)', async () => {
    const user = await makeUser(t.database.db, org, 'viewer');
    const answers = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 7; i++) {
      answers.known.push((await attempt(user.username, 'fel lösenord här', freshIp())).statusCode);
      answers.unknown.push(
        (await attempt('ingen-sadan-anvandare', 'fel lösenord här', freshIp())).statusCode,
      );
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});

describe('failed logins from one address (security.md 2)', () => {
  it('about 25 failures per IP in 5 minutes, then even a right password waits', async () => {
    const ip = '203.0.113.77';
    const victim = await makeUser(t.database.db, org, 'viewer');
    for (let i = 0; i < 25; i++) {
      const res = await attempt(`gissning-${i}`, 'fel lösenord', ip);
      expect(res.statusCode).toBe(401);
    }
    const blocked = await attempt(victim.username, victim.password, ip);
    expect(blocked.statusCode).toBe(429);
    expect((await attempt(victim.username, victim.password, freshIp())).statusCode).toBe(200);
    clock.advance(5 * 60 * 1000 + 1000);
    expect((await attempt(victim.username, victim.password, ip)).statusCode).toBe(200);
  });

  it('successful logins do not count: an office behind one address can log in', async () => {
    const ip = '203.0.113.88';
    const user = await makeUser(t.database.db, org, 'viewer');
    for (let i = 0; i < 30; i++)
      expect((await attempt(user.username, user.password, ip)).statusCode).toBe(200);
  });
});

describe('the audit log of logins (security.md 31)', () => {
  it('records success, failure with the account only when it exists, and throttling — never the password', async () => {
    const user = await makeUser(t.database.db, org, 'viewer');
    const ip = freshIp();
    await attempt(user.username, 'hemligt-fel-lösenord', ip);
    await attempt('hemligt-fel-lösenord-i-namnfältet', 'x', ip);
    await attempt(user.username, user.password, ip);
    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.ip, ip));
    expect(rows.map((r) => [r.action, r.targetUserId])).toEqual([
      ['login.failed', user.id],
      ['login.failed', null],
      ['login.succeeded', user.id],
    ]);
    expect(JSON.stringify(rows)).not.toContain('hemligt');
    for (let i = 0; i < 6; i++) await attempt(user.username, 'fel', freshIp());
    const throttled = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'login.throttled'), eq(auditEvents.targetUserId, user.id)));
    expect(throttled.length).toBeGreaterThan(0);
  });
});
