import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import { fixedClock } from '../../platform/clock.ts';
import { recordingSmsProvider } from '../../platform/sms/sms.ts';
import { login, makeOrg, makeUser, type TestUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertUserToken } from './identity.repository.ts';

const clock = fixedClock('2026-08-03T08:00:00Z');
const sms = recordingSmsProvider();
let t: TestApp;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestApp({ clock, sms });
  org = await makeOrg(t.database.db, 'contractor', 'SMS AB');
});
afterAll(() => t.close());

const post = (url: string, cookie: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;
const lastCodeTo = (phone: string) =>
  sms.sent
    .filter((s) => s.to === phone)
    .at(-1)!
    .text.match(/\d{6}/)![0];

async function enrolSms(user: TestUser, phone: string) {
  const cookie = await login(t.app, user);
  expect((await post('/api/me/two-factor/sms', cookie, { password: user.password, phone })).statusCode).toBe(
    204,
  );
  const confirm = await post('/api/me/two-factor/sms/confirm', cookie, { phone, code: lastCodeTo(phone) });
  expect(confirm.statusCode).toBe(200);
  return confirm.json().recoveryCodes as string[];
}

async function passwordStep(user: TestUser) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { login: user.username, password: user.password },
  });
  return { body: res.json(), cookie: cookieOf(res) };
}

describe('SMS as the second factor, through the recording provider', () => {
  it('is offered when a provider is configured; enrolment proves the number with a code', async () => {
    const user = await makeUser(t.database.db, org, 'technician');
    const cookie = await login(t.app, user);
    expect((await t.app.inject({ url: '/api/me/profile', headers: { cookie } })).json().smsAvailable).toBe(
      true,
    );
    await post('/api/me/two-factor/sms', cookie, { password: user.password, phone: '070-111 11 11' });
    const wrong = await post('/api/me/two-factor/sms/confirm', cookie, {
      phone: '070-111 11 11',
      code: '000000',
    });
    expect(wrong.statusCode).toBe(400);
    // A code sent to one number does not confirm another.
    const otherNumber = await post('/api/me/two-factor/sms/confirm', cookie, {
      phone: '070-999 99 99',
      code: lastCodeTo('070-111 11 11'),
    });
    expect(otherNumber.statusCode).toBe(400);
    const ok = await post('/api/me/two-factor/sms/confirm', cookie, {
      phone: '070-111 11 11',
      code: lastCodeTo('070-111 11 11'),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recoveryCodes).toHaveLength(10);
    const profile = (await t.app.inject({ url: '/api/me/profile', headers: { cookie } })).json();
    expect(profile).toMatchObject({ secondFactor: 'sms', phone: '070-111 11 11' });
  });

  it('at login a code is sent and stored hashed on the session; it completes the login once', async () => {
    const user = await makeUser(t.database.db, org, 'technician');
    await enrolSms(user, '070-222 22 22');
    const before = sms.sent.length;
    const { body, cookie } = await passwordStep(user);
    expect(body).toEqual({ status: 'second_factor_required', method: 'sms' });
    expect(sms.sent.length).toBe(before + 1);
    expect(sms.sent.at(-1)!.text).toMatch(/^\d{6} är din inloggningskod till Ordning/);
    const code = lastCodeTo('070-222 22 22');
    const done = await post('/api/session/second-factor', cookie, { code });
    expect(done.statusCode).toBe(200);
    const again = await passwordStep(user);
    expect((await post('/api/session/second-factor', again.cookie, { code })).statusCode).toBe(400);
  });

  it('"Skicka ny kod" sends another code; a code older than five minutes is refused', async () => {
    const user = await makeUser(t.database.db, org, 'technician');
    await enrolSms(user, '070-333 33 33');
    const { cookie } = await passwordStep(user);
    const old = lastCodeTo('070-333 33 33');
    clock.advance(5 * 60_000 + 1000);
    expect((await post('/api/session/second-factor', cookie, { code: old })).statusCode).toBe(400);
    expect((await post('/api/session/second-factor/sms', cookie)).statusCode).toBe(204);
    const fresh = lastCodeTo('070-333 33 33');
    expect((await post('/api/session/second-factor', cookie, { code: fresh })).statusCode).toBe(200);
  });

  it('a password reset asks for an SMS code sent for the link', async () => {
    const user = await makeUser(t.database.db, org, 'technician');
    await enrolSms(user, '070-444 44 44');
    // The reset link itself is tested over SMTP elsewhere; here the token is made directly.
    const token = newToken();
    await insertUserToken(t.database.db, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose: 'password_reset',
      createdAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 30 * 60_000),
    });
    const info = await t.app.inject({ url: `/api/password-reset/${token}` });
    expect(info.json().secondFactor).toBe('sms');
    expect((await t.app.inject({ method: 'POST', url: `/api/password-reset/${token}/sms` })).statusCode).toBe(
      204,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/password-reset/${token}`,
      payload: { password: 'nytt sms-lösen', code: lastCodeTo('070-444 44 44') },
    });
    expect(res.statusCode).toBe(204);
  });
});

describe('without an SMS provider', () => {
  it('SMS is not offered and cannot be chosen', async () => {
    const plain = await createTestApp({ database: t.database, clock });
    try {
      const user = await makeUser(t.database.db, org, 'technician');
      const cookie = await login(plain.app, user);
      expect(
        (await plain.app.inject({ url: '/api/me/profile', headers: { cookie } })).json().smsAvailable,
      ).toBe(false);
      const res = await plain.app.inject({
        method: 'POST',
        url: '/api/me/two-factor/sms',
        headers: { cookie },
        payload: { password: user.password, phone: '070-555 55 55' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('auth.sms_unavailable');
    } finally {
      await plain.close();
    }
  });
});
