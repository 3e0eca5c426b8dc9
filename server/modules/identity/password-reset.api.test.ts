import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../platform/auth/tokens.ts';
import { fixedClock } from '../../platform/clock.ts';
import { login, makeOrg, makeUser } from '../../testing/factories.ts';
import { startSmtpServer } from '../../testing/smtp.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { userTokens } from './identity.table.ts';

const clock = fixedClock('2026-06-01T08:00:00Z');
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
let org: Awaited<ReturnType<typeof makeOrg>>;
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://ordning.test.example' } });
  org = await makeOrg(t.database.db, 'client', 'Återställ AB');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const requestReset = (email: string, remoteAddress = freshIp()) =>
  t.app.inject({ method: 'POST', url: '/api/password-reset', payload: { email }, remoteAddress });

/** Sends what is in the outbox and returns the reset link of the newest mail to the address. */
async function resetLinkFor(email: string): Promise<string> {
  await t.worker.runOnce();
  const mail = smtp.received.filter((m) => m.envelopeTo.includes(email)).at(-1);
  if (!mail) throw new Error(`no mail to ${email}`);
  const link = mail.parsed.text?.match(
    /https:\/\/ordning\.test\.example\/aterstall-losenord\/([A-Za-z0-9_-]+)/,
  );
  if (!link) throw new Error('no reset link in the mail');
  return link[1]!;
}

const complete = (token: string, payload: object, remoteAddress = freshIp()) =>
  t.app.inject({ method: 'POST', url: `/api/password-reset/${token}`, payload, remoteAddress });

describe('password reset by e-mail (security.md 6, 7, 9)', () => {
  it('mails a link; following it sets a new password, ends every session, and the old password stops working', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const session = await login(t.app, user);
    expect((await requestReset(user.email.toUpperCase())).statusCode).toBe(202);
    const token = await resetLinkFor(user.email);
    const mail = smtp.received.at(-1)!;
    expect(mail.parsed.subject).toBe('Återställ ditt lösenord');
    const info = await t.app.inject({ url: `/api/password-reset/${token}`, remoteAddress: freshIp() });
    expect(info.json()).toEqual({ secondFactor: null, passwordMinLength: 15 });
    const short = await complete(token, { password: 'för kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'password', code: 'password.too_short' });
    const ok = await complete(token, { password: '  ett  helt nytt lösenord ✓ ' });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: session } })).statusCode).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: user.password },
    });
    expect(old.statusCode).toBe(401);
    // Spaces and Unicode are kept exactly: the same string logs in, a trimmed one does not.
    await login(t.app, { username: user.username, password: '  ett  helt nytt lösenord ✓ ' });
    const trimmed = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: 'ett  helt nytt lösenord ✓' },
    });
    expect(trimmed.statusCode).toBe(401);
  });

  it('answers the same for an address that has no account, and sends nothing', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const before = smtp.received.length;
    const known = await requestReset(user.email);
    const unknown = await requestReset('ingen.alls@test.example');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    await t.worker.runOnce();
    expect(smtp.received.slice(before).map((m) => m.envelopeTo)).toEqual([[user.email]]);
  });

  it('the link carries at least 128 random bits, is stored only as a hash, and works once', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    await requestReset(user.email);
    const token = await resetLinkFor(user.email);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const rows = await t.database.db.select().from(userTokens).where(eq(userTokens.userId, user.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await complete(token, { password: 'första nya lösenordet' })).statusCode).toBe(204);
    const again = await complete(token, { password: 'andra nya lösenordet!' });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('auth.reset_link_invalid');
  });

  it('the link stops working after 30 minutes', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    await requestReset(user.email);
    const token = await resetLinkFor(user.email);
    clock.advance(29 * 60_000);
    expect(
      (await t.app.inject({ url: `/api/password-reset/${token}`, remoteAddress: freshIp() })).statusCode,
    ).toBe(200);
    clock.advance(2 * 60_000);
    expect((await complete(token, { password: 'för sent nytt lösenord' })).statusCode).toBe(404);
  });

  it('still asks for the authenticator code when two-step verification is on (security.md 6)', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, user);
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/me/two-factor/totp',
      headers: { cookie },
      payload: { password: user.password },
    });
    const totp = new TOTP({ secret: Secret.fromBase32(start.json().secret.replace(/\s/g, '')) });
    await t.app.inject({
      method: 'POST',
      url: '/api/me/two-factor/totp/confirm',
      headers: { cookie },
      payload: { code: totp.generate({ timestamp: clock.now().getTime() }) },
    });
    clock.advance(30_000);
    await requestReset(user.email);
    const token = await resetLinkFor(user.email);
    const info = await t.app.inject({ url: `/api/password-reset/${token}`, remoteAddress: freshIp() });
    expect(info.json()).toEqual({ secondFactor: 'totp', passwordMinLength: 8 });
    const noCode = await complete(token, { password: 'åtta tkn' });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().errors[0]).toMatchObject({ field: 'code', code: 'second_factor.code_required' });
    const wrongCode = await complete(token, { password: 'åtta tkn', code: '000000' });
    expect(wrongCode.statusCode).toBe(400);
    const ok = await complete(token, {
      password: 'åtta tkn',
      code: totp.generate({ timestamp: clock.now().getTime() }),
    });
    expect(ok.statusCode).toBe(204);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: 'åtta tkn' },
    });
    expect(res.json()).toEqual({ status: 'second_factor_required', method: 'totp' });
  });

  it('has its own, stricter limits: five requests per address in 15 minutes, three mails per account an hour (security.md 3)', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const ip = '192.0.2.250';
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await requestReset(user.email, ip)).statusCode);
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
    await t.worker.runOnce();
    expect(smtp.received.filter((m) => m.envelopeTo.includes(user.email))).toHaveLength(3);
  });

  it('a malformed body names the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/password-reset', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('email');
    const unknownToken = await t.app.inject({ url: `/api/password-reset/${'x'.repeat(43)}` });
    expect(unknownToken.statusCode).toBe(404);
    const sms = await t.app.inject({ method: 'POST', url: `/api/password-reset/${'x'.repeat(43)}/sms` });
    expect(sms.statusCode).toBe(404);
    const set = await t.app.inject({
      method: 'POST',
      url: `/api/password-reset/${'x'.repeat(43)}`,
      payload: { password: 'ett långt nytt lösenord' },
    });
    expect(set.statusCode).toBe(404);
  });
});
