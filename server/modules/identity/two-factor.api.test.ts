import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { MAIL_JOB_KIND, type MailJobPayload } from '../../platform/mail/mail.ts';
import { login, makeOrg, makeUser, type TestUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { auditEvents } from '../audit/audit.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { users } from './identity.table.ts';

const clock = fixedClock('2026-05-04T08:00:00Z');
let t: TestApp;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await makeOrg(t.database.db, 'contractor', 'Tvåsteg AB');
});
afterAll(() => t.close());

const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;

const post = (url: string, cookie: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** The code an authenticator app shows now (or `steps` steps from now), computed with otpauth. */
function codeFor(secret: string, steps = 0) {
  const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), digits: 6, period: 30 });
  return totp.generate({ timestamp: clock.now().getTime() + steps * 30_000 });
}

/** Enrols the user in TOTP through the API; returns the secret and the recovery codes. */
async function enrol(user: TestUser) {
  const cookie = await login(t.app, user);
  const start = await post('/api/me/two-factor/totp', cookie, { password: user.password });
  expect(start.statusCode).toBe(200);
  const { secret } = start.json();
  const confirm = await post('/api/me/two-factor/totp/confirm', cookie, { code: codeFor(secret) });
  expect(confirm.statusCode).toBe(200);
  // The enrolment took this step's code: later logins must use a newer one.
  clock.advance(30_000);
  return { secret: secret as string, recoveryCodes: confirm.json().recoveryCodes as string[], cookie };
}

async function passwordStep(user: TestUser) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { login: user.username, password: user.password },
  });
  expect(res.statusCode).toBe(200);
  return { body: res.json(), cookie: cookieOf(res) };
}

describe('enrolling an authenticator app', () => {
  it('needs the current password, shows the key as QR code and text, and is off until a code confirms it', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const cookie = await login(t.app, user);
    const wrong = await post('/api/me/two-factor/totp', cookie, { password: 'inte mitt lösenord' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('password');
    const start = await post('/api/me/two-factor/totp', cookie, { password: user.password });
    const body = start.json();
    expect(body.uri).toMatch(/^otpauth:\/\/totp\/Ordning:.*secret=/);
    expect(body.qrSvg).toMatch(/^<svg/);
    expect(body.secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
    expect((await passwordStep(user)).body).toMatchObject({ username: user.username, secondFactor: null });
    const bad = await post('/api/me/two-factor/totp/confirm', cookie, { code: '000000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('code');
  });

  it('gives ten different recovery codes once confirmed, and asks for a code at the next login', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { recoveryCodes } = await enrol(user);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const { body } = await passwordStep(user);
    expect(body).toEqual({ status: 'second_factor_required', method: 'totp' });
  });
});

describe('the second factor at login (security.md 4, 10)', () => {
  it('a session that has only passed the password reaches nothing but the code step and logout', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    await enrol(user);
    const { cookie } = await passwordStep(user);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(403);
    expect(me.json().code).toBe('auth.second_factor_required');
    const orders = await t.app.inject({ url: `/api/orgs/${org.id}/work-orders`, headers: { cookie } });
    expect(orders.statusCode).toBe(403);
    expect(orders.json().code).toBe('auth.second_factor_required');
    const profile = await t.app.inject({ url: '/api/me/profile', headers: { cookie } });
    expect(profile.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode,
    ).toBe(204);
  });

  it('the right code completes the login and gives the session a new id; the old one is dead', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { secret } = await enrol(user);
    const { cookie } = await passwordStep(user);
    const done = await post('/api/session/second-factor', cookie, { code: codeFor(secret) });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ username: user.username, secondFactor: 'totp', gate: null });
    const fresh = cookieOf(done);
    expect(fresh).not.toBe(cookie);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: fresh } })).statusCode).toBe(200);
  });

  it('the code step must come within ten minutes of the password', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { secret } = await enrol(user);
    const { cookie } = await passwordStep(user);
    clock.advance(10 * 60_000 + 1000);
    const late = await post('/api/session/second-factor', cookie, { code: codeFor(secret) });
    expect(late.statusCode).toBe(401);
  });

  it('a code accepted once is refused the second time', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { secret } = await enrol(user);
    const code = codeFor(secret);
    const first = await passwordStep(user);
    expect((await post('/api/session/second-factor', first.cookie, { code })).statusCode).toBe(200);
    const second = await passwordStep(user);
    const replay = await post('/api/session/second-factor', second.cookie, { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors[0]).toMatchObject({ field: 'code', code: 'second_factor.wrong_code' });
  });

  it('the same code sent from two parallel sessions at once works only once', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { secret } = await enrol(user);
    const a = await passwordStep(user);
    const b = await passwordStep(user);
    const code = codeFor(secret);
    const answers = await Promise.all([
      post('/api/session/second-factor', a.cookie, { code }),
      post('/api/session/second-factor', b.cookie, { code }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });

  it('accepts the previous step but nothing older and nothing from the future; steps are 30 s and codes 6 digits', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { secret } = await enrol(user);
    clock.advance(5 * 60_000);
    const { cookie } = await passwordStep(user);
    expect(codeFor(secret)).toMatch(/^\d{6}$/);
    for (const steps of [-2, -3, 1]) {
      const res = await post('/api/session/second-factor', cookie, { code: codeFor(secret, steps) });
      expect(res.statusCode, `step ${steps}`).toBe(400);
    }
    clock.advance(60_000);
    const fresh = await passwordStep(user);
    expect(
      (await post('/api/session/second-factor', fresh.cookie, { code: codeFor(secret, -1) })).statusCode,
    ).toBe(200);
  });

  it('a recovery code logs in once, and then no more', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { recoveryCodes } = await enrol(user);
    const first = await passwordStep(user);
    expect(
      (await post('/api/session/second-factor', first.cookie, { code: recoveryCodes[3]!.toUpperCase() }))
        .statusCode,
    ).toBe(200);
    const second = await post('/api/session/second-factor', (await passwordStep(user)).cookie, {
      code: recoveryCodes[4]!,
    });
    const profile = await t.app.inject({ url: '/api/me/profile', headers: { cookie: cookieOf(second) } });
    expect(profile.json().recoveryCodesLeft).toBe(8);
    const again = await passwordStep(user);
    expect(
      (await post('/api/session/second-factor', again.cookie, { code: recoveryCodes[3]! })).statusCode,
    ).toBe(400);
  });

  it('after ten wrong codes in an hour it refuses even the right one and mails the user (security.md 4)', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { secret } = await enrol(user);
    const { cookie } = await passwordStep(user);
    for (let i = 0; i < 10; i++) {
      // Four tries a minute stays under the per-minute limit, so this counts the hourly one.
      clock.advance(15_000);
      expect((await post('/api/session/second-factor', cookie, { code: '123456' })).statusCode).toBe(400);
    }
    clock.advance(15_000);
    const locked = await post('/api/session/second-factor', cookie, { code: codeFor(secret) });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.second_factor_locked');
    const mails = (await t.database.db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB_KIND))).map(
      (j) => (j.payload as MailJobPayload).message,
    );
    const toUser = mails.filter((m) => m.to.includes(user.email));
    expect(toUser.map((m) => m.subject)).toEqual(['Många felaktiga inloggningskoder']);
    clock.advance(60 * 60 * 1000);
    const later = await passwordStep(user);
    expect(
      (await post('/api/session/second-factor', later.cookie, { code: codeFor(secret) })).statusCode,
    ).toBe(200);
  });

  it('more than five codes in a minute are refused before they are checked (security.md 3)', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    await enrol(user);
    const { cookie } = await passwordStep(user);
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push((await post('/api/session/second-factor', cookie, { code: '654321' })).statusCode);
    expect(answers).toEqual([400, 400, 400, 400, 400, 429]);
  });
});

describe('managing the second factor', () => {
  it('new recovery codes need the password and replace the old ones', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { recoveryCodes, cookie } = await enrol(user);
    expect((await post('/api/me/two-factor/recovery-codes', cookie, { password: 'fel' })).statusCode).toBe(
      400,
    );
    const res = await post('/api/me/two-factor/recovery-codes', cookie, { password: user.password });
    expect(res.json().recoveryCodes).toHaveLength(10);
    const { cookie: half } = await passwordStep(user);
    expect((await post('/api/session/second-factor', half, { code: recoveryCodes[0]! })).statusCode).toBe(
      400,
    );
    expect(
      (await post('/api/session/second-factor', half, { code: res.json().recoveryCodes[0] })).statusCode,
    ).toBe(200);
  });

  it('turning it off needs the current password (security.md 8)', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { cookie } = await enrol(user);
    const wrong = await post('/api/me/two-factor/disable', cookie, { password: 'gissat lösenord' });
    expect(wrong.statusCode).toBe(400);
    expect((await passwordStep(user)).body.status).toBe('second_factor_required');
    expect((await post('/api/me/two-factor/disable', cookie, { password: user.password })).statusCode).toBe(
      204,
    );
    expect((await passwordStep(user)).body).toMatchObject({ username: user.username, secondFactor: null });
  });

  it('enabling, a wrong code and disabling are in the audit log, without the code (security.md 31)', async () => {
    const user = await makeUser(t.database.db, org, 'manager');
    const { cookie } = await enrol(user);
    const half = await passwordStep(user);
    await post('/api/session/second-factor', half.cookie, { code: '314159' });
    await post('/api/me/two-factor/disable', cookie, { password: user.password });
    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.targetUserId, user.id));
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['second_factor.enabled', 'second_factor.failed', 'second_factor.disabled']),
    );
    expect(JSON.stringify(rows)).not.toContain('314159');
  });
});

describe('a company that requires two-step verification (security.md 5)', () => {
  it('a member without it reaches only enrolment; everything else answers 403 until it is on', async () => {
    const strict = await makeOrg(t.database.db, 'client', 'Strikt AB');
    await t.database.db
      .update(organizations)
      .set({ requireTwoFactor: true })
      .where(eq(organizations.id, strict.id));
    const user = await makeUser(t.database.db, strict, 'coordinator');
    const cookie = await login(t.app, user);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().gate).toBe('second_factor_enrolment');
    for (const url of [`/api/orgs/${strict.id}/work-orders`, '/api/me/sessions', '/api/me/notifications']) {
      const res = await t.app.inject({ url, headers: { cookie } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code, url).toBe('auth.second_factor_enrolment_required');
    }
    const start = await post('/api/me/two-factor/totp', cookie, { password: user.password });
    expect(start.statusCode).toBe(200);
    const confirm = await post('/api/me/two-factor/totp/confirm', cookie, {
      code: codeFor(start.json().secret),
    });
    expect(confirm.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).json().gate).toBeNull();
    expect(
      (await t.app.inject({ url: `/api/orgs/${strict.id}/work-orders`, headers: { cookie } })).statusCode,
    ).toBe(200);
    const off = await post('/api/me/two-factor/disable', cookie, { password: user.password });
    expect(off.statusCode).toBe(409);
    expect(off.json().code).toBe('auth.second_factor_required_by_company');
  });
});

describe('first login with a given password (issue 6 item 4)', () => {
  it('reaches only the first-login step until contact details are checked and a new password chosen', async () => {
    const user = await makeUser(t.database.db, org, 'technician');
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const other = await login(t.app, user);
    const cookie = await login(t.app, user);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json().gate).toBe('password_change');
    const orders = await t.app.inject({ url: `/api/orgs/${org.id}/work-orders`, headers: { cookie } });
    expect(orders.statusCode).toBe(403);
    expect(orders.json().code).toBe('auth.password_change_required');
    const short = await post('/api/me/first-login', cookie, { name: 'Tekniker Test', newPassword: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'password.too_short' });
    const same = await post('/api/me/first-login', cookie, {
      name: 'Tekniker Test',
      newPassword: user.password,
    });
    expect(same.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'password.same' });
    const ok = await post('/api/me/first-login', cookie, {
      name: 'Tekniker Test',
      phone: '070-123 45 67',
      otherPhone: '08-123 456',
      newPassword: 'ett nytt och långt lösenord',
    });
    expect(ok.statusCode).toBe(204);
    const after = (await t.app.inject({ url: '/api/me', headers: { cookie } })).json();
    expect(after).toMatchObject({
      gate: null,
      name: 'Tekniker Test',
      phone: '070-123 45 67',
      otherPhone: '08-123 456',
    });
    expect(
      (await t.app.inject({ url: `/api/orgs/${org.id}/work-orders`, headers: { cookie } })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: other } })).statusCode).toBe(401);
    expect(
      (await post('/api/me/first-login', cookie, { name: 'X', newPassword: 'ännu ett nytt långt lösenord' }))
        .statusCode,
    ).toBe(409);
  });
});
