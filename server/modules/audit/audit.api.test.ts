import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../contract/audit.ts';
import { fixedClock } from '../../platform/clock.ts';
import { login, makeOrg, makeUser, makeWorld } from '../../testing/factories.ts';
import { startSmtpServer } from '../../testing/smtp.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { auditEvents } from './audit.table.ts';

/**
 * security.md 31: login success and failure, a failed second factor, an invitation used, a role
 * changed and a cross-company denial each write an audit event with who, what, which company and the
 * UTC time — and no password, code or token ever lands in one. Read back through both audit pages.
 */
const AT = '2026-04-01T10:15:00.000Z';
const clock = fixedClock(AT);
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let operatorCookie: string;
const secrets: string[] = [];

const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://ordning.test.example' } });
  world = await makeWorld(t.database.db);
  const operator = await makeUser(t.database.db, await makeOrg(t.database.db, 'operator'), 'admin');
  operatorCookie = await login(t.app, operator);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function operatorLog(action: string): Promise<AuditEvent[]> {
  const res = await t.app.inject({
    url: `/api/operator/audit?action=${action}`,
    headers: { cookie: operatorCookie },
  });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

describe('the audit log (security.md 31)', () => {
  it('a successful login names the user and the time in UTC', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: world.users.manager.username, password: world.users.manager.password },
      remoteAddress: '198.51.100.7',
    });
    secrets.push(world.users.manager.password, res.cookies[0]!.value);
    const [event] = (await operatorLog('login.succeeded')).filter((e) => e.ip === '198.51.100.7');
    expect(event).toMatchObject({
      action: 'login.succeeded',
      at: AT,
      targetName: expect.stringContaining('manager'),
    });
    expect(event!.actorName).toBe(event!.targetName);
  });

  it('a failed login names the account it was for, the address it came from and never the password tried', async () => {
    const tried = 'ett felaktigt men hemligt lösenord';
    secrets.push(tried);
    await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: world.users.viewer.username, password: tried },
      remoteAddress: '198.51.100.8',
    });
    const [event] = (await operatorLog('login.failed')).filter((e) => e.ip === '198.51.100.8');
    expect(event).toMatchObject({ at: AT, actorName: null, targetName: expect.stringContaining('viewer') });
  });

  it('a wrong second-factor code is written without the code', async () => {
    const user = await makeUser(t.database.db, world.contractor, 'technician');
    const cookie = await login(t.app, user);
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/me/two-factor/totp',
      headers: { cookie },
      payload: { password: user.password },
    });
    const secret = start.json().secret.replace(/\s/g, '') as string;
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const code = totp.generate({ timestamp: clock.now().getTime() });
    await t.app.inject({
      method: 'POST',
      url: '/api/me/two-factor/totp/confirm',
      headers: { cookie },
      payload: { code },
    });
    const half = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: user.password },
    });
    const wrong = code === '271828' ? '271829' : '271828';
    secrets.push(secret, code, wrong);
    await t.app.inject({
      method: 'POST',
      url: '/api/session/second-factor',
      headers: { cookie: cookieOf(half) },
      payload: { code: wrong },
    });
    const [event] = (await operatorLog('second_factor.failed')).filter((e) =>
      e.targetName?.includes(user.username),
    );
    expect(event).toMatchObject({ at: AT, actorName: expect.stringContaining(user.username) });
  });

  it('an invitation used names who used it, for which company and role', async () => {
    const admin = await login(t.app, world.users.clientAdmin);
    const email = 'ny.samordnare@example.se';
    await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: admin },
      payload: { invitations: [{ email, memberships: [{ orgId: world.client.id, role: 'coordinator' }] }] },
    });
    while ((await t.worker.runOnce()) > 0) {}
    const mail = smtp.received.find((m) => m.envelopeTo.includes(email))!;
    const token = mail.parsed.text!.match(/\/invitations\/([A-Za-z0-9_-]{20,})/)![1]!;
    const password = 'ett nytt hemligt lösenord för samordnaren';
    secrets.push(token, password);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/register`,
      payload: {
        email,
        username: 'ny-samordnare',
        name: 'Ny Samordnare',
        password,
        passwordConfirmation: password,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    secrets.push(res.cookies[0]!.value);
    const [event] = await operatorLog('invitation.redeemed');
    expect(event).toMatchObject({
      at: AT,
      actorName: 'Ny Samordnare',
      targetName: 'Ny Samordnare',
      orgId: world.client.id,
      orgName: world.client.name,
      detail: expect.objectContaining({ role: 'coordinator' }),
    });
  });

  it('a role change names the administrator, the company, the user and both roles — on the company’s own page', async () => {
    const cookie = await login(t.app, world.users.contractorAdmin);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${world.contractor.id}/users/${world.users.otherTechnician.id}/role`,
      headers: { cookie },
      payload: { role: 'manager' },
    });
    expect(res.statusCode).toBe(204);
    const page = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/audit?action=user.role_changed`,
      headers: { cookie },
    });
    expect(page.json().items).toEqual([
      expect.objectContaining({
        at: AT,
        actorName: expect.stringContaining(world.users.contractorAdmin.username),
        targetName: expect.stringContaining(world.users.otherTechnician.username),
        orgId: world.contractor.id,
        orgName: world.contractor.name,
        detail: { from: 'technician', to: 'manager' },
      }),
    ]);
    // The client's administrators do not see the contractor's events.
    const client = await t.app.inject({
      url: `/api/orgs/${world.client.id}/audit?action=user.role_changed`,
      headers: { cookie: await login(t.app, world.users.clientAdmin) },
    });
    expect(client.json().items).toEqual([]);
  });

  it('a cross-company request names who asked and which company, and answers 404', async () => {
    const cookie = await login(t.app, world.users.otherAdmin);
    const res = await t.app.inject({ url: `/api/orgs/${world.client.id}/users`, headers: { cookie } });
    expect(res.statusCode).toBe(404);
    const [event] = (await operatorLog('tenant.denied')).filter((e) =>
      e.actorName?.includes(world.users.otherAdmin.username),
    );
    expect(event).toMatchObject({
      at: AT,
      detail: expect.objectContaining({ requestedOrgId: world.client.id }),
    });
  });

  it('no row holds a password, a code, a token or a session id', async () => {
    expect(secrets.length).toBeGreaterThanOrEqual(9);
    const rows = JSON.stringify(await t.database.db.select().from(auditEvents));
    for (const secret of secrets) expect(rows, secret).not.toContain(secret);
  });
});
