import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeOrg, makeUser, type TestUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { users } from './identity.table.ts';
import { newTotpSecret } from './totp.ts';

/**
 * security.md 1 through the API, not only the pure rule: what is set is what must be typed, byte for
 * byte, and the lengths depend on whether the account has a second factor.
 */
let t: TestApp;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestApp();
  org = await makeOrg(t.database.db, 'client');
});
afterAll(() => t.close());

const change = (cookie: string, currentPassword: string, newPassword: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/me/password',
    headers: { cookie },
    payload: { currentPassword, newPassword },
  });

const tryLogin = (user: TestUser, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/session', payload: { login: user.username, password } });

describe('password rules through the API (security.md 1)', () => {
  it('keeps spaces and Unicode byte for byte: only the exact password logs in', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, user);
    // Leading and trailing spaces, a double space, a composed é (U+00E9) and an emoji; over 64 characters.
    const chosen = '  Kaffe på Café Ängen  kl. 7 varje morgon, regn eller sol, året om 🌧 ';
    expect([...chosen].length).toBeGreaterThan(64);
    expect((await change(cookie, user.password, chosen)).statusCode).toBe(204);

    for (const near of [
      chosen.trim(),
      chosen.replace('  kl.', ' kl.'),
      chosen.normalize('NFD'),
      chosen.toLowerCase(),
    ]) {
      expect(near).not.toBe(chosen);
      expect((await tryLogin(user, near)).statusCode, JSON.stringify(near)).toBe(401);
    }
    expect((await tryLogin(user, chosen)).statusCode).toBe(200);
  });

  it('needs 15 characters without a second factor and 8 with one, and refuses a common password', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, user);
    const short = await change(cookie, user.password, 'fjorton tecken');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'password.too_short' });
    const common = await change(cookie, user.password, 'Password1234567890');
    expect(common.statusCode, common.body).toBe(400);
    expect(common.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'password.common' });
    // No composition rules: lower-case letters and spaces only are fine.
    expect((await change(cookie, user.password, 'femton tecken ok')).statusCode).toBe(204);

    const withFactor = await makeUser(t.database.db, org, 'coordinator');
    const factorCookie = await login(t.app, withFactor);
    await t.database.db
      .update(users)
      .set({ secondFactor: 'totp', totpSecret: newTotpSecret() })
      .where(eq(users.id, withFactor.id));
    expect((await change(factorCookie, withFactor.password, 'sju tkn')).statusCode).toBe(400);
    expect((await change(factorCookie, withFactor.password, 'åtta tkn')).statusCode).toBe(204);
  });

  it('accepts a passphrase of 256 characters and refuses one of 257, naming the field', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, user);
    const long = 'en mycket lång lösenfras '.repeat(11).slice(0, 256);
    expect([...long].length).toBe(256);
    const tooLong = await change(cookie, user.password, `${long}x`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('newPassword');
    expect((await change(cookie, user.password, long)).statusCode).toBe(204);
    expect((await tryLogin(user, long)).statusCode).toBe(200);
  });
});
