import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembership,
  login,
  makeOrg,
  makeUser,
  makeWorld,
  TEST_PASSWORD,
} from '../../testing/factories.ts';
import { startSmtpServer } from '../../testing/smtp.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { auditEvents } from '../audit/audit.table.ts';
import { sessions, users } from '../identity/identity.table.ts';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let n = 0;
const fresh = (label: string) => `${label}-${++n}-${Date.now().toString(36)}`;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url } });
  world = await makeWorld(t.database.db);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, payload: payload as object });

/** A company with one admin and one more member, so each test has its own last-admin situation. */
async function company() {
  const org = await makeOrg(t.database.db, 'contractor');
  const admin = await makeUser(t.database.db, org, 'admin');
  const tech = await makeUser(t.database.db, org, 'technician');
  return { org, admin, tech, cookie: await login(t.app, admin), base: `/api/orgs/${org.id}/users` };
}

describe('Användare', () => {
  it('lists members with role, status, last login and two-factor', async () => {
    const c = await company();
    await t.database.db.update(users).set({ secondFactor: 'totp' }).where(eq(users.id, c.tech.id));
    const res = await call(c.cookie, 'GET', c.base);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      userId: string;
      status: string;
      twoFactor: boolean;
      lastLoginAt: string;
    }[];
    const tech = items.find((i) => i.userId === c.tech.id)!;
    expect(tech).toMatchObject({ role: 'technician', status: 'active', twoFactor: true, lastLoginAt: null });
    expect(items.find((i) => i.userId === c.admin.id)!.lastLoginAt).not.toBeNull();
  });

  it('is refused to technicians, managers and support users (security.md 17)', async () => {
    for (const user of [world.users.technician, world.users.manager, world.users.contractorSupport]) {
      const cookie = await login(t.app, user);
      expect((await call(cookie, 'GET', `/api/orgs/${world.contractor.id}/users`)).statusCode).toBe(403);
      const role = await call(cookie, 'PUT', `/api/orgs/${world.contractor.id}/users/${user.id}/role`, {
        role: 'admin',
      });
      expect(role.statusCode).toBe(403);
    }
  });

  it('creates a user with a given password who must change it; the welcome mail never holds the password', async () => {
    const c = await company();
    const username = fresh('given');
    const email = `${username}@example.se`;
    const password = 'ett givet lösenord som är långt';
    const res = await call(c.cookie, 'POST', c.base, {
      name: 'Greta Given',
      email,
      username,
      role: 'manager',
      password,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().outcome).toBe('created');
    const [row] = await t.database.db.select().from(users).where(eq(users.username, username));
    expect(row!.mustChangePassword).toBe(true);
    while ((await t.worker.runOnce()) > 0) {}
    const mail = smtp.received.find((m) => m.envelopeTo.includes(email))!;
    expect(mail.parsed.subject).toBe('Välkommen till Ordning');
    expect(mail.parsed.text).toContain(username);
    expect(mail.raw).not.toContain(password);
    await login(t.app, { username, password });
  });

  it('an address that already has an account is invited instead of being added behind its owner’s back', async () => {
    const c = await company();
    const body = {
      name: 'whatever',
      email: world.users.viewer.email,
      username: fresh('ignored'),
      role: 'support',
      password: 'ett givet lösenord som är långt',
    };
    const res = await call(c.cookie, 'POST', c.base, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ userId: null, outcome: 'invited' });
    // No membership yet, and the account is untouched (its password is still its own).
    expect(
      (await call(c.cookie, 'GET', c.base)).json().items.map((i: { userId: string }) => i.userId),
    ).not.toContain(world.users.viewer.id);
    await login(t.app, world.users.viewer);
    const pending = (await call(c.cookie, 'GET', `/api/orgs/${c.org.id}/invitations`)).json().items;
    expect(pending).toEqual([expect.objectContaining({ email: world.users.viewer.email, role: 'support' })]);

    // The owner gets the invitation and accepts it with their own account.
    while ((await t.worker.runOnce()) > 0) {}
    const mail = smtp.received.filter((m) => m.envelopeTo.includes(world.users.viewer.email)).at(-1)!;
    expect(mail.parsed.text).toContain('Lös in inbjudan');
    expect(mail.raw).not.toContain(body.password);
    const token = mail.parsed.text!.match(/\/invitations\/([A-Za-z0-9_-]{20,})/)![1]!;
    const viewerCookie = await login(t.app, world.users.viewer);
    const accept = await call(viewerCookie, 'POST', `/api/invitations/${token}/accept`);
    expect(accept.statusCode, accept.body).toBe(200);
    expect(
      (await call(c.cookie, 'GET', c.base))
        .json()
        .items.find((i: { userId: string }) => i.userId === world.users.viewer.id),
    ).toMatchObject({ role: 'support', status: 'active' });

    // Once a member, creating again says so.
    expect((await call(c.cookie, 'POST', c.base, body)).statusCode).toBe(409);
  });

  it('refuses a role the company kind does not have, a weak password and a bad e-mail, naming the field', async () => {
    const c = await company();
    const body = {
      name: 'N',
      email: `${fresh('e')}@example.se`,
      username: fresh('u'),
      role: 'technician',
      password: 'ett givet lösenord som är långt',
    };
    const role = await call(c.cookie, 'POST', c.base, { ...body, role: 'coordinator' });
    expect(role.json().errors[0].field).toBe('role');
    const weak = await call(c.cookie, 'POST', c.base, { ...body, password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('password');
    const mail = await call(c.cookie, 'POST', c.base, { ...body, email: 'nope' });
    expect(mail.json().errors[0].field).toBe('email');
  });

  it('changes a role and writes user.role_changed', async () => {
    const c = await company();
    const res = await call(c.cookie, 'PUT', `${c.base}/${c.tech.id}/role`, { role: 'manager' });
    expect(res.statusCode).toBe(204);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetUserId, c.tech.id));
    expect(rows.find((r) => r.action === 'user.role_changed')!.detail).toEqual({
      from: 'technician',
      to: 'manager',
    });
  });

  it('the last administrator cannot be demoted, disabled or removed', async () => {
    const c = await company();
    for (const [method, url, body] of [
      ['PUT', `${c.base}/${c.admin.id}/role`, { role: 'technician' }],
      ['PUT', `${c.base}/${c.admin.id}/disabled`, { disabled: true }],
      ['DELETE', `${c.base}/${c.admin.id}`, undefined],
    ] as const) {
      const res = await call(c.cookie, method, url, body);
      expect(res.statusCode, url).toBe(409);
      expect(res.json().code).toBe('users.last_admin');
    }
    // With a second administrator, the first may step down.
    await call(c.cookie, 'PUT', `${c.base}/${c.tech.id}/role`, { role: 'admin' });
    expect(
      (await call(c.cookie, 'PUT', `${c.base}/${c.admin.id}/role`, { role: 'technician' })).statusCode,
    ).toBe(204);
  });

  it('disabling ends the user’s sessions at once; the old cookie gets 401; enabling lets them back in', async () => {
    const c = await company();
    const techCookie = await login(t.app, c.tech);
    expect((await call(techCookie, 'GET', '/api/me')).statusCode).toBe(200);
    expect(
      (await call(c.cookie, 'PUT', `${c.base}/${c.tech.id}/disabled`, { disabled: true })).statusCode,
    ).toBe(204);
    expect((await call(techCookie, 'GET', '/api/me')).statusCode).toBe(401);
    const listed = (await call(c.cookie, 'GET', c.base))
      .json()
      .items.find((i: { userId: string }) => i.userId === c.tech.id);
    expect(listed.status).toBe('disabled');
    // A new login reaches no company: the disabled membership grants nothing.
    const again = await login(t.app, c.tech);
    expect((await call(again, 'GET', `/api/orgs/${c.org.id}/work-orders`)).statusCode).toBe(404);
    expect((await call(again, 'GET', '/api/me')).json().memberships).toEqual([]);
    expect(
      (await call(c.cookie, 'PUT', `${c.base}/${c.tech.id}/disabled`, { disabled: false })).statusCode,
    ).toBe(204);
    expect((await call(again, 'GET', `/api/orgs/${c.org.id}/work-orders`)).statusCode).toBe(200);
  });

  it('removing the last membership ends the sessions; removing one of two does not', async () => {
    const c = await company();
    const other = await makeOrg(t.database.db, 'contractor');
    await addMembership(t.database.db, c.tech, other, 'technician');
    const techCookie = await login(t.app, c.tech);
    expect((await call(c.cookie, 'DELETE', `${c.base}/${c.tech.id}`)).statusCode).toBe(204);
    expect((await call(techCookie, 'GET', '/api/me')).statusCode).toBe(200);
    const otherAdmin = await makeUser(t.database.db, other, 'admin');
    const otherCookie = await login(t.app, otherAdmin);
    expect((await call(otherCookie, 'DELETE', `/api/orgs/${other.id}/users/${c.tech.id}`)).statusCode).toBe(
      204,
    );
    expect((await call(techCookie, 'GET', '/api/me')).statusCode).toBe(401);
  });

  it('answers 404 for a user of another company', async () => {
    const c = await company();
    const res = await call(c.cookie, 'PUT', `${c.base}/${world.users.technician.id}/role`, {
      role: 'manager',
    });
    expect(res.statusCode).toBe(404);
  });

  it('deleting a user pseudonymises the account, ends sessions and keeps the audit rows', async () => {
    const c = await company();
    await t.database.db
      .update(users)
      .set({ phone: '070-111 22 33', secondFactor: 'totp', totpSecret: 'JBSWY3DPEHPK3PXP' })
      .where(eq(users.id, c.tech.id));
    const techCookie = await login(t.app, c.tech);
    await call(c.cookie, 'PUT', `${c.base}/${c.tech.id}/role`, { role: 'manager' });
    const res = await call(c.cookie, 'DELETE', `${c.base}/${c.tech.id}/account`);
    expect(res.statusCode, res.body).toBe(204);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, c.tech.id));
    expect(row).toMatchObject({
      name: 'Borttagen användare',
      phone: null,
      passwordHash: null,
      totpSecret: null,
      secondFactor: null,
    });
    expect(row!.email).not.toContain(c.tech.username);
    expect(row!.username).not.toBe(c.tech.username);
    expect(row!.deletedAt).not.toBeNull();
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, c.tech.id))).toHaveLength(0);
    expect((await call(techCookie, 'GET', '/api/me')).statusCode).toBe(401);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetUserId, c.tech.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.role_changed', 'user.deleted']));
    const login2 = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: c.tech.username, password: TEST_PASSWORD },
    });
    expect(login2.statusCode).toBe(401);
    expect(
      (await call(c.cookie, 'GET', c.base)).json().items.map((i: { userId: string }) => i.userId),
    ).not.toContain(c.tech.id);
  });

  it('deleting a user who also belongs to a company the admin does not administer is refused', async () => {
    const c = await company();
    const other = await makeOrg(t.database.db, 'contractor');
    await addMembership(t.database.db, c.tech, other, 'technician');
    const res = await call(c.cookie, 'DELETE', `${c.base}/${c.tech.id}/account`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('users.delete_needs_every_company');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, c.tech.id));
    expect(row!.deletedAt).toBeNull();
  });

  it('the operator deletes any account; others get 403; the last administrator is kept', async () => {
    const c = await company();
    const operatorOrg = await makeOrg(t.database.db, 'operator');
    const operator = await makeUser(t.database.db, operatorOrg, 'admin');
    const cookie = await login(t.app, operator);
    const url = (id: string) => `/api/operator/users/${id}`;
    expect((await call(c.cookie, 'DELETE', url(c.tech.id))).statusCode).toBe(403);
    expect((await call(cookie, 'DELETE', url(c.admin.id))).json().code).toBe('users.last_admin');
    expect((await call(cookie, 'DELETE', url(c.tech.id))).statusCode).toBe(204);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, c.tech.id));
    expect(row!.name).toBe('Borttagen användare');
    expect((await call(cookie, 'DELETE', url(c.tech.id))).statusCode).toBe(404);
  });
});
