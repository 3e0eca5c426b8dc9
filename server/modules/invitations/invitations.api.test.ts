import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../platform/auth/tokens.ts';
import { fixedClock } from '../../platform/clock.ts';
import { addMembership, login, makeOrg, makeUser, makeWorld } from '../../testing/factories.ts';
import { startSmtpServer } from '../../testing/smtp.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { auditEvents } from '../audit/audit.table.ts';
import { users } from '../identity/identity.table.ts';
import { memberships } from '../organizations/organizations.table.ts';
import { invitations } from './invitations.table.ts';

const PUBLIC_URL = 'https://ordning.test.example';
const clock = fixedClock('2026-03-02T08:00:00Z');
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let secondClient: Awaited<ReturnType<typeof makeOrg>>;
let adminCookie: string;
let n = 0;
const fresh = (label: string) => `${label}-${++n}-${Date.now().toString(36)}`;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, PUBLIC_URL } });
  world = await makeWorld(t.database.db);
  secondClient = await makeOrg(t.database.db, 'client');
  await addMembership(t.database.db, world.users.clientAdmin, secondClient, 'admin');
});
beforeEach(async () => {
  clock.set('2026-03-02T08:00:00Z');
  adminCookie = await login(t.app, world.users.clientAdmin);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function invite(cookie: string, body: object) {
  return t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie }, payload: body });
}

/** Delivers the outbox over real SMTP and returns the newest mail to the address. */
async function mailTo(address: string) {
  while ((await t.worker.runOnce()) > 0) {}
  const mail = smtp.received.filter((m) => m.envelopeTo.includes(address)).at(-1);
  if (!mail) throw new Error(`no mail to ${address}`);
  return mail;
}

function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`${PUBLIC_URL}/${path}/([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${path} link in ${text}`);
  return match[1]!;
}

async function inviteOne(email: string, grants = [{ orgId: world.client.id, role: 'coordinator' }]) {
  const res = await invite(adminCookie, { invitations: [{ email, memberships: grants }] });
  expect(res.statusCode, res.body).toBe(201);
  const mail = await mailTo(email);
  return { id: res.json().items[0].id as string, token: linkIn(mail.parsed.text ?? '', 'invitations'), mail };
}

const register = (token: string, body: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/invitations/${token}/register`, payload: body });

describe('the invitation path (JM)', () => {
  it('one mail names both companies; the link registers the account, grants both roles and logs in', async () => {
    const email = `${fresh('anna')}@example.se`;
    const { token, mail } = await inviteOne(email, [
      { orgId: world.client.id, role: 'coordinator' },
      { orgId: secondClient.id, role: 'viewer' },
    ]);
    expect(smtp.received.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
    expect(mail.parsed.subject).toContain(world.client.name);
    expect(mail.parsed.text).toContain(secondClient.name);
    expect(mail.parsed.text).toContain('Lös in inbjudan');

    const view = await t.app.inject({ url: `/api/invitations/${token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json().email).toBe(email);
    expect(
      view
        .json()
        .companies.map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual([world.client.name, secondClient.name].sort());

    const username = fresh('anna');
    const res = await register(token, {
      email,
      username,
      name: 'Anna Andersson',
      password: 'en lång och ovanlig lösenfras',
      passwordConfirmation: 'en lång och ovanlig lösenfras',
    });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;
    const me = (await t.app.inject({ url: '/api/me', headers: { cookie } })).json();
    expect(me.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['coordinator', 'viewer']);

    // And the account logs in with what was chosen.
    await login(t.app, { username, password: 'en lång och ovanlig lösenfras' });

    const [row] = await t.database.db.select().from(users).where(eq(users.username, username));
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'invitation.redeemed'), eq(auditEvents.targetUserId, row!.id)));
    expect(audit).toHaveLength(2);
  });

  it('end to end: the mailed link registers, the new user enrols an authenticator app, logs out and logs in with a code', async () => {
    const email = `${fresh('hela')}@example.se`;
    const { mail } = await inviteOne(email, [{ orgId: world.client.id, role: 'coordinator' }]);
    // Follow the link exactly as it stands in the mail.
    const link = (mail.parsed.text ?? '').match(
      new RegExp(`${PUBLIC_URL}(/invitations/[A-Za-z0-9_-]+)`),
    )![1]!;
    const token = link.split('/').at(-1)!;
    const view = await t.app.inject({ url: `/api${link}` });
    expect(view.json()).toMatchObject({
      email,
      companies: [{ name: world.client.name, role: 'coordinator' }],
    });

    const username = fresh('hela');
    const password = 'ett långt lösenord för hela vägen';
    const registered = await register(token, {
      email,
      username,
      name: 'Hela Vägen',
      password,
      passwordConfirmation: password,
    });
    expect(registered.statusCode, registered.body).toBe(200);
    const cookie = `${registered.cookies[0]!.name}=${registered.cookies[0]!.value}`;

    const start = await t.app.inject({
      method: 'POST',
      url: '/api/me/two-factor/totp',
      headers: { cookie },
      payload: { password },
    });
    expect(start.statusCode).toBe(200);
    const { secret, uri, qrSvg } = start.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(qrSvg).toContain('<svg');
    const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')), digits: 6, period: 30 });
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/me/two-factor/totp/confirm',
      headers: { cookie },
      payload: { code: totp.generate({ timestamp: clock.now().getTime() }) },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().recoveryCodes).toHaveLength(10);

    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);

    clock.advance(30_000);
    const half = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: email, password },
    });
    expect(half.json()).toEqual({ status: 'second_factor_required', method: 'totp' });
    const halfCookie = `${half.cookies[0]!.name}=${half.cookies[0]!.value}`;
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/session/second-factor',
      headers: { cookie: halfCookie },
      payload: { code: totp.generate({ timestamp: clock.now().getTime() }) },
    });
    expect(done.statusCode, done.body).toBe(200);
    const full = `${done.cookies[0]!.name}=${done.cookies[0]!.value}`;
    const me = (await t.app.inject({ url: '/api/me', headers: { cookie: full } })).json();
    expect(me).toMatchObject({ username, secondFactor: 'totp', gate: null });
    expect(me.memberships).toEqual([
      expect.objectContaining({ orgId: world.client.id, role: 'coordinator' }),
    ]);
  });

  it('the link carries at least 128 random bits and the database keeps only its hash (security.md 7)', async () => {
    const email = `${fresh('hash')}@example.se`;
    const { id, token } = await inviteOne(email);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(14 * 24 * 3600 * 1000);
    // Two invitations never share a link.
    const other = await inviteOne(`${fresh('hash')}@example.se`);
    expect(other.token).not.toBe(token);
  });

  it('a used link answers "used" and grants nothing more', async () => {
    const email = `${fresh('used')}@example.se`;
    const { token } = await inviteOne(email);
    const body = {
      email,
      username: fresh('used'),
      name: 'U',
      password: 'en lång och ovanlig lösenfras',
      passwordConfirmation: 'en lång och ovanlig lösenfras',
    };
    expect((await register(token, body)).statusCode).toBe(200);
    const again = await register(token, {
      ...body,
      username: fresh('used2'),
      email: `${fresh('x')}@example.se`,
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('invitations.used');
    expect((await t.app.inject({ url: `/api/invitations/${token}` })).json().code).toBe('invitations.used');
  });

  it('a link is valid 14 days and answers "expired" after', async () => {
    const { token } = await inviteOne(`${fresh('late')}@example.se`);
    clock.advance(14 * 24 * 3600 * 1000 - 60_000);
    expect((await t.app.inject({ url: `/api/invitations/${token}` })).statusCode).toBe(200);
    clock.advance(120_000);
    const res = await t.app.inject({ url: `/api/invitations/${token}` });
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('invitations.expired');
  });

  it('an unknown token answers 404 and says nothing more', async () => {
    const res = await t.app.inject({ url: `/api/invitations/${'x'.repeat(43)}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('invitations.not_found');
  });

  it('resending kills the old link; the new one works', async () => {
    const email = `${fresh('resend')}@example.se`;
    const { id, token: old } = await inviteOne(email);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/invitations/${id}/resend`,
      headers: { cookie: adminCookie },
    });
    expect(res.statusCode).toBe(204);
    const fresh2 = linkIn((await mailTo(email)).parsed.text ?? '', 'invitations');
    expect(fresh2).not.toBe(old);
    expect((await t.app.inject({ url: `/api/invitations/${old}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/invitations/${fresh2}` })).statusCode).toBe(200);
  });

  it('a revoked link answers "revoked" and leaves the pending list', async () => {
    const email = `${fresh('revoke')}@example.se`;
    const { id, token } = await inviteOne(email);
    const list = async () =>
      (
        await t.app.inject({
          url: `/api/orgs/${world.client.id}/invitations`,
          headers: { cookie: adminCookie },
        })
      ).json().items as { email: string }[];
    expect((await list()).map((i) => i.email)).toContain(email);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/orgs/${world.client.id}/invitations/${id}`,
      headers: { cookie: adminCookie },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/invitations/${token}` })).json().code).toBe(
      'invitations.revoked',
    );
    expect((await list()).map((i) => i.email)).not.toContain(email);
  });

  it('a changed address gets the memberships only after its confirmation link', async () => {
    const invited = `${fresh('inv')}@example.se`;
    const chosen = `${fresh('chosen')}@example.se`;
    const { token } = await inviteOne(invited);
    const username = fresh('chosen');
    const res = await register(token, {
      email: chosen,
      username,
      name: 'C',
      password: 'en lång och ovanlig lösenfras',
      passwordConfirmation: 'en lång och ovanlig lösenfras',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().status).toBe('confirm_email');
    const [user] = await t.database.db.select().from(users).where(eq(users.username, username));
    const before = await t.database.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(before).toHaveLength(0);

    const confirm = linkIn((await mailTo(chosen)).parsed.text ?? '', 'invitations/confirm');
    const ok = await t.app.inject({ method: 'POST', url: `/api/invitation-confirmations/${confirm}` });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = await t.database.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(after.map((m) => m.role)).toEqual(['coordinator']);
    const twice = await t.app.inject({ method: 'POST', url: `/api/invitation-confirmations/${confirm}` });
    expect(twice.statusCode).toBe(410);
  });

  it('registering with an address that has an account makes nothing and answers like any change (security.md 9)', async () => {
    const { token } = await inviteOne(`${fresh('someone')}@example.se`);
    const taken = world.users.viewer.email;
    const username = fresh('dupe');
    const res = await register(token, {
      email: taken,
      username,
      name: 'D',
      password: 'en lång och ovanlig lösenfras',
      passwordConfirmation: 'en lång och ovanlig lösenfras',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'confirm_email' });
    expect(await t.database.db.select().from(users).where(eq(users.username, username))).toHaveLength(0);
    expect((await mailTo(taken)).parsed.subject).toContain('redan ett konto');
  });

  it('a weak or mismatched password is refused naming the field, and nothing is made', async () => {
    const { token } = await inviteOne(`${fresh('weak')}@example.se`);
    const username = fresh('weak');
    const res = await register(token, {
      email: `${fresh('weak')}@example.se`,
      username,
      name: 'W',
      password: 'short',
      passwordConfirmation: 'other',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['password', 'passwordConfirmation']);
    expect(await t.database.db.select().from(users).where(eq(users.username, username))).toHaveLength(0);
    expect((await t.app.inject({ url: `/api/invitations/${token}` })).statusCode).toBe(200);
  });

  it('"Jag har ett befintligt konto": a logged-in user accepts and gets the membership', async () => {
    const other = await makeOrg(t.database.db, 'contractor');
    const otherAdmin = await makeUser(t.database.db, other, 'admin');
    const { token } = await inviteOne(`${fresh('exists')}@example.se`);
    const unauth = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept` });
    expect(unauth.statusCode).toBe(401);
    const cookie = await login(t.app, otherAdmin);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().orgIds).toEqual([world.client.id]);
    const me = (await t.app.inject({ url: '/api/me', headers: { cookie } })).json();
    expect(me.memberships.map((m: { orgId: string }) => m.orgId)).toContain(world.client.id);
  });
});

describe('POST /api/invitations', () => {
  it('answers 401 without a session', async () => {
    const res = await invite('', { invitations: [] });
    expect(res.statusCode).toBe(401);
  });

  it('answers 404 for a company the caller is not in, and sends nothing', async () => {
    const before = await t.database.db.select().from(invitations);
    const res = await invite(adminCookie, {
      invitations: [
        {
          email: `${fresh('x')}@example.se`,
          memberships: [
            { orgId: world.client.id, role: 'viewer' },
            { orgId: world.otherContractor.id, role: 'technician' },
          ],
        },
      ],
    });
    expect(res.statusCode).toBe(404);
    expect(await t.database.db.select().from(invitations)).toHaveLength(before.length);
  });

  it('answers 403 to a member who does not administer the company', async () => {
    for (const user of [world.users.coordinator, world.users.clientSupport, world.users.viewer]) {
      const res = await invite(await login(t.app, user), {
        invitations: [
          { email: `${fresh('x')}@example.se`, memberships: [{ orgId: world.client.id, role: 'viewer' }] },
        ],
      });
      expect(res.statusCode, user.username).toBe(403);
    }
    for (const user of [world.users.technician, world.users.manager, world.users.contractorSupport]) {
      const res = await invite(await login(t.app, user), {
        invitations: [
          {
            email: `${fresh('x')}@example.se`,
            memberships: [{ orgId: world.contractor.id, role: 'technician' }],
          },
        ],
      });
      expect(res.statusCode, user.username).toBe(403);
    }
  });

  it('refuses a role the kind of company does not have, naming the field; all or nothing', async () => {
    const before = await t.database.db.select().from(invitations);
    const res = await invite(adminCookie, {
      invitations: [
        { email: `${fresh('ok')}@example.se`, memberships: [{ orgId: world.client.id, role: 'viewer' }] },
        {
          email: `${fresh('bad')}@example.se`,
          memberships: [{ orgId: world.client.id, role: 'technician' }],
        },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('invitations.1.memberships.0.role');
    expect(await t.database.db.select().from(invitations)).toHaveLength(before.length);
  });

  it('refuses a malformed address naming the field', async () => {
    const res = await invite(adminCookie, {
      invitations: [{ email: 'not-an-address', memberships: [{ orgId: world.client.id, role: 'viewer' }] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('invitations.0.email');
  });

  it('answers the same whether the address has an account or not (security.md 9)', async () => {
    const answer = async (email: string) => {
      const res = await invite(adminCookie, {
        invitations: [{ email, memberships: [{ orgId: world.client.id, role: 'viewer' }] }],
      });
      const body = res.json();
      return { status: res.statusCode, keys: Object.keys(body.items[0]).sort(), email: body.items[0].email };
    };
    const known = await answer(world.users.manager.email);
    const unknown = await answer(`${fresh('nobody')}@example.se`);
    expect(known.status).toBe(201);
    expect({ ...known, email: null }).toEqual({ ...unknown, email: null });
    // The pending list does not tell them apart either.
    const list = (
      await t.app.inject({
        url: `/api/orgs/${world.client.id}/invitations`,
        headers: { cookie: adminCookie },
      })
    ).json().items as Record<string, unknown>[];
    const a = list.find((i) => i.email === known.email)!;
    const b = list.find((i) => i.email === unknown.email)!;
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect({ ...a, id: 0, email: 0 }).toEqual({ ...b, id: 0, email: 0 });
  });

  it('writes invitation.sent for each company, without the token', async () => {
    const email = `${fresh('audit')}@example.se`;
    await inviteOne(email, [
      { orgId: world.client.id, role: 'viewer' },
      { orgId: secondClient.id, role: 'admin' },
    ]);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'invitation.sent'));
    const mine = rows.filter((r) => r.detail.email === email);
    expect(mine.map((r) => r.orgId).sort()).toEqual([world.client.id, secondClient.id].sort());
    expect(JSON.stringify(mine)).not.toMatch(/token/i);
  });
});
