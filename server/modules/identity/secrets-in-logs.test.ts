import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import { fixedClock } from '../../platform/clock.ts';
import { makeOrg, makeUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { insertUserToken } from './identity.repository.ts';

const clock = fixedClock('2026-09-01T08:00:00Z');
const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    clock,
    env: { LOG_LEVEL: 'trace' },
    logStream: { write: (line) => lines.push(line) },
  });
});
afterAll(() => t.close());

describe('the log (security.md 31, architecture rule 9)', () => {
  it('never holds passwords, codes, tokens or cookies from login, two-step verification and password reset', async () => {
    const org = await makeOrg(t.database.db, 'client');
    const user = await makeUser(t.database.db, org, 'coordinator');
    const secrets: string[] = [user.password];
    const loginRes = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: user.password },
    });
    const cookie = `${loginRes.cookies[0]!.name}=${loginRes.cookies[0]!.value}`;
    secrets.push(loginRes.cookies[0]!.value);
    await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: 'ett felaktigt hemligt lösenord' },
    });
    secrets.push('ett felaktigt hemligt lösenord');

    const start = await t.app.inject({
      method: 'POST',
      url: '/api/me/two-factor/totp',
      headers: { cookie },
      payload: { password: user.password },
    });
    const secret = start.json().secret.replace(/\s/g, '') as string;
    secrets.push(secret);
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({
      timestamp: clock.now().getTime(),
    });
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/me/two-factor/totp/confirm',
      headers: { cookie },
      payload: { code },
    });
    secrets.push(...(confirm.json().recoveryCodes as string[]));

    await t.app.inject({ method: 'POST', url: '/api/password-reset', payload: { email: user.email } });
    const token = newToken();
    await insertUserToken(t.database.db, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose: 'password_reset',
      createdAt: clock.now(),
      expiresAt: new Date(clock.now().getTime() + 60_000),
    });
    secrets.push(token);
    await t.app.inject({ url: `/api/password-reset/${token}` });
    await t.app.inject({
      method: 'POST',
      url: `/api/password-reset/${token}`,
      payload: { password: 'det nya hemliga lösenordet', code: '123456' },
    });
    secrets.push('det nya hemliga lösenordet');

    const log = lines.join('');
    // The log is on: requests were written, with their (redacted) paths.
    expect(log).toContain('/api/password-reset/[token]');
    expect(log).toContain('/api/session');
    for (const s of secrets) expect(log, s).not.toContain(s);
    expect(log).not.toContain(`"${code}"`);
  });
});
