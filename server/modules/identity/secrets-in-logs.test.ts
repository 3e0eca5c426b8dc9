import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import { fixedClock } from '../../platform/clock.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { login, makeOrg, makeUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { createOperator } from '../organizations/companies.usecases.ts';
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

  it('never holds passwords or tokens from invitations, set-up links, created users, password and e-mail changes', async () => {
    const from = lines.length;
    const org = await makeOrg(t.database.db, 'contractor');
    const admin = await makeUser(t.database.db, org, 'admin');
    const cookie = await login(t.app, admin);
    const secrets: string[] = [cookie.split('=')[1]!];
    const mailText = async (to: string) => {
      while ((await t.worker.runOnce()) > 0) {}
      const rows = await t.database.db.select().from(jobs);
      const mail = rows
        .map((r) => (r.payload as { message?: { to: string[]; text: string } }).message)
        .filter((m) => m?.to.includes(to))
        .at(-1);
      return mail!.text;
    };
    const tokenIn = (text: string, path: string) =>
      text.match(new RegExp(`/${path}/([A-Za-z0-9_-]{20,})`))![1]!;

    // An invitation, redeemed by Registrera with a password.
    await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie },
      payload: {
        invitations: [{ email: 'loggtest@example.se', memberships: [{ orgId: org.id, role: 'technician' }] }],
      },
    });
    const invitation = tokenIn(await mailText('loggtest@example.se'), 'invitations');
    const registered = 'registreringens hemliga lösenord';
    secrets.push(invitation, registered);
    await t.app.inject({ url: `/api/invitations/${invitation}` });
    await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${invitation}/register`,
      payload: {
        email: 'loggtest@example.se',
        username: 'loggtest',
        name: 'Logg Test',
        password: registered,
        passwordConfirmation: registered,
      },
    });
    await t.app.inject({ method: 'POST', url: `/api/invitations/${invitation}/accept`, headers: { cookie } });

    // The first operator's set-up link.
    const { link } = await createOperator(
      { db: t.database.db, clock, publicUrl: 'http://localhost:3000' },
      { email: 'drift.logg@example.se' },
    );
    const setup = link.split('/').at(-1)!;
    const operatorPassword = 'driftens hemliga lösenord för loggen';
    secrets.push(setup, operatorPassword);
    await t.app.inject({ url: `/api/account-setup/${setup}` });
    await t.app.inject({
      method: 'POST',
      url: `/api/account-setup/${setup}`,
      payload: { username: 'driftlogg', password: operatorPassword, passwordConfirmation: operatorPassword },
    });

    // A user created with a given password.
    const given = 'det givna hemliga startlösenordet';
    secrets.push(given);
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/users`,
      headers: { cookie },
      payload: {
        name: 'Given',
        email: 'given.logg@example.se',
        username: 'givenlogg',
        role: 'technician',
        password: given,
      },
    });

    // The e-mail change and its confirmation link, then a password change.
    await t.app.inject({
      method: 'POST',
      url: '/api/me/email',
      headers: { cookie },
      payload: { email: 'ny.logg@example.se', password: admin.password },
    });
    const confirm = tokenIn(await mailText('ny.logg@example.se'), 'bekrafta-epost');
    secrets.push(confirm);
    await t.app.inject({ method: 'POST', url: `/api/email-change/${confirm}` });
    const changed = 'det bytta hemliga lösenordet';
    secrets.push(changed);
    await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie },
      payload: { currentPassword: admin.password, newPassword: changed },
    });

    const log = lines.slice(from).join('');
    expect(log).toContain('/api/invitations/[token]');
    expect(log).toContain('/api/account-setup/[token]');
    expect(log).toContain('/api/email-change/[token]');
    for (const s of [...secrets, admin.password]) expect(log, s).not.toContain(s);
  });
});
