import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { createOrderViaApi, login, makeOrg, makeUser, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { linkContractor } from '../agreements/agreements.repository.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { auditEvents } from '../audit/audit.table.ts';
import { users } from '../identity/identity.table.ts';
import { invitations } from '../invitations/invitations.table.ts';
import { updateWorkOrder } from '../work-orders/work-orders.repository.ts';
import { createOperator } from './companies.usecases.ts';
import { organizations } from './organizations.table.ts';

const clock = fixedClock('2026-03-02T08:00:00Z');
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let adminCookie: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await makeWorld(t.database.db);
  adminCookie = await login(t.app, world.users.clientAdmin);
});
afterAll(() => t.close());

// Valid Swedish organisation numbers (Luhn), not used elsewhere in these tests.
const orgNumbers = ['556016-0680', '556036-0793', '202100-6255', '556703-7485'];

describe('Bjud in entreprenör', () => {
  const url = () => `/api/orgs/${world.client.id}/contractor-invitations`;

  it('refuses an invalid organisation number naming the field', async () => {
    for (const orgNumber of ['556016-0681', '12345', 'abcdefghij']) {
      const res = await t.app.inject({
        method: 'POST',
        url: url(),
        headers: { cookie: adminCookie },
        payload: { orgNumber, name: 'Rör AB', email: 'first@ror.example' },
      });
      expect(res.statusCode, orgNumber).toBe(400);
      expect(res.json().errors[0].field).toBe('orgNumber');
    }
  });

  it('creates the contractor with the normalised number, links it by an agreement and invites its admin', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie: adminCookie },
      payload: { orgNumber: '5560160680', name: 'Rör & Co AB', email: 'First@Ror.example' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { contractorOrgId, created, invited } = res.json();
    expect({ created, invited }).toEqual({ created: true, invited: true });
    const [org] = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, contractorOrgId));
    expect(org).toMatchObject({ kind: 'contractor', orgNumber: '556016-0680' });
    const link = await t.database.db
      .select()
      .from(agreements)
      .where(
        and(eq(agreements.clientOrgId, world.client.id), eq(agreements.contractorOrgId, contractorOrgId)),
      );
    expect(link).toHaveLength(1);
    const [inv] = await t.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, 'first@ror.example'));
    expect(inv).toBeDefined();
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'contractor.invited'), eq(auditEvents.orgId, world.client.id)));
    expect(audit).toHaveLength(1);
  });

  it('finds an existing contractor by number: links it, but invites nobody into a company that has people', async () => {
    await t.database.db
      .update(organizations)
      .set({ orgNumber: '556036-0793' })
      .where(eq(organizations.id, world.otherContractor.id));
    const res = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie: adminCookie },
      payload: { orgNumber: '556036-0793', name: 'ignored', email: 'me@attacker.example' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ contractorOrgId: world.otherContractor.id, created: false, invited: false });
    expect(
      await t.database.db.select().from(invitations).where(eq(invitations.email, 'me@attacker.example')),
    ).toHaveLength(0);
  });

  it('refuses a number that belongs to a client', async () => {
    await t.database.db
      .update(organizations)
      .set({ orgNumber: '202100-6255' })
      .where(eq(organizations.id, world.client.id));
    const res = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: { cookie: adminCookie },
      payload: { orgNumber: '202100-6255', name: 'x', email: 'x@example.se' },
    });
    expect(res.statusCode).toBe(409);
  });

  it('is for client administrators only', async () => {
    for (const user of [world.users.coordinator, world.users.viewer, world.users.clientSupport]) {
      const res = await t.app.inject({
        method: 'POST',
        url: url(),
        headers: { cookie: await login(t.app, user) },
        payload: { orgNumber: orgNumbers[3], name: 'x', email: 'x@example.se' },
      });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('Kräv tvåstegsverifiering', () => {
  it('an admin with a second factor turns it on; it is written to the company and the audit log', async () => {
    const url = `/api/orgs/${world.contractor.id}/settings/security`;
    const cookie = await login(t.app, world.users.contractorAdmin);
    const put = (value: boolean, as = cookie) =>
      t.app.inject({ method: 'PUT', url, headers: { cookie: as }, payload: { requireTwoFactor: value } });
    const manager = await login(t.app, world.users.manager);
    expect((await put(false, manager)).statusCode).toBe(403);

    // Without a second factor of their own the administrator would lock themselves out: refused.
    const bare = await put(true);
    expect(bare.statusCode).toBe(409);
    expect(bare.json().errors[0].field).toBe('requireTwoFactor');
    expect((await t.app.inject({ url, headers: { cookie } })).json()).toEqual({ requireTwoFactor: false });

    await t.database.db
      .update(users)
      .set({ secondFactor: 'totp', totpSecret: 'JBSWY3DPEHPK3PXP' })
      .where(eq(users.id, world.users.contractorAdmin.id));
    expect((await put(true)).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: { cookie } })).json()).toEqual({ requireTwoFactor: true });
    const [org] = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, world.contractor.id));
    expect(org!.requireTwoFactor).toBe(true);
    // The manager, who has no second factor, now reaches only enrolment.
    expect((await put(false, manager)).json().code).toBe('auth.second_factor_enrolment_required');

    // Back as it was, for the tests that follow.
    expect((await put(false)).statusCode).toBe(200);
    await t.database.db
      .update(users)
      .set({ secondFactor: null, totpSecret: null })
      .where(eq(users.id, world.users.contractorAdmin.id));
  });
});

describe('Mina företag', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ url: '/api/me/companies' })).statusCode).toBe(401);
  });

  it('counts active, overdue and open-question orders per company', async () => {
    const org = await makeOrg(t.database.db, 'client');
    await linkContractor(t.database.db, {
      clientOrgId: org.id,
      contractorOrgId: world.contractor.id,
      createdAt: clock.now(),
    });
    const coordinator = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, coordinator);
    const a = await createOrderViaApi(t.app, {
      cookie,
      clientOrgId: org.id,
      contractorOrgId: world.contractor.id,
    });
    await createOrderViaApi(t.app, { cookie, clientOrgId: org.id, contractorOrgId: world.contractor.id });
    await updateWorkOrder(t.database.db, a.id, { status: 'new', deliverBy: '2026-02-01' });
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${a.id}/questions`,
      headers: { cookie: await login(t.app, world.users.manager) },
      payload: { text: 'Finns det huvudnyckel?' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const res = await t.app.inject({ url: '/api/me/companies', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.find((i: { orgId: string }) => i.orgId === org.id);
    expect(mine).toMatchObject({ name: org.name, role: 'coordinator', overdueOrders: 1, openQuestions: 1 });
    expect(mine.activeOrders).toBe(2);
  });
});

describe('the operator', () => {
  it('the set-up link from the command chooses username and password once, then logs in', async () => {
    const { link } = await createOperator(
      { db: t.database.db, clock, publicUrl: 'http://localhost:3000' },
      { email: 'drift@ordning.example', name: 'Drift Admin' },
    );
    const token = link.split('/').at(-1)!;
    expect((await t.app.inject({ url: `/api/account-setup/${token}` })).json()).toEqual({
      email: 'drift@ordning.example',
      name: 'Drift Admin',
    });
    const body = {
      username: 'drift',
      password: 'ett långt lösenord för drift',
      passwordConfirmation: 'ett långt lösenord för drift',
    };
    const res = await t.app.inject({ method: 'POST', url: `/api/account-setup/${token}`, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().memberships[0].orgKind).toBe('operator');
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/account-setup/${token}`, payload: body })).statusCode,
    ).toBe(410);

    const cookie = await login(t.app, { username: 'drift', password: body.password });
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/operator/companies',
      headers: { cookie },
      payload: {
        kind: 'client',
        name: 'Nya Bostäder AB',
        orgNumber: '556703-7485',
        adminEmail: 'chef@nya.example',
      },
    });
    expect(create.statusCode, create.body).toBe(201);
    const dupe = await t.app.inject({
      method: 'POST',
      url: '/api/operator/companies',
      headers: { cookie },
      payload: { kind: 'client', name: 'Igen', orgNumber: '5567037485', adminEmail: 'x@nya.example' },
    });
    expect(dupe.statusCode).toBe(409);
    const list = await t.app.inject({ url: '/api/operator/companies', headers: { cookie } });
    expect(list.json().items.map((c: { name: string }) => c.name)).toContain('Nya Bostäder AB');
    const audit = await t.app.inject({
      url: '/api/operator/audit?action=organization.created',
      headers: { cookie },
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items.length).toBeGreaterThan(0);
  });

  it('operator routes answer 401 without a session and 403 to other companies’ admins', async () => {
    for (const [method, url] of [
      ['GET', '/api/operator/companies'],
      ['POST', '/api/operator/companies'],
      ['GET', '/api/operator/audit'],
    ] as const) {
      expect(
        (await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined })).statusCode,
      ).toBe(401);
      const res = await t.app.inject({
        method,
        url,
        headers: { cookie: adminCookie },
        payload:
          method === 'POST'
            ? { kind: 'client', name: 'x', orgNumber: '556016-0680', adminEmail: 'a@b.se' }
            : undefined,
      });
      expect(res.statusCode, url).toBe(403);
    }
  });

  it('an unknown set-up link answers 410 without saying more', async () => {
    expect((await t.app.inject({ url: `/api/account-setup/${'y'.repeat(43)}` })).statusCode).toBe(410);
  });
});

describe('Granskningslogg', () => {
  it('shows a company admin that company’s events only, filterable by action', async () => {
    const cookie = await login(t.app, world.users.contractorAdmin);
    const res = await t.app.inject({ url: `/api/orgs/${world.contractor.id}/audit`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { orgId: string; action: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.orgId === world.contractor.id)).toBe(true);
    const filtered = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/audit?action=user.created`,
      headers: { cookie },
    });
    expect(filtered.json().items).toEqual([]);
    const bad = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/audit?action=DROP TABLE`,
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
    const tech = await login(t.app, world.users.technician);
    expect(
      (await t.app.inject({ url: `/api/orgs/${world.contractor.id}/audit`, headers: { cookie: tech } }))
        .statusCode,
    ).toBe(403);
  });

  it('a cross-company request writes tenant.denied (security.md 31)', async () => {
    const cookie = await login(t.app, world.users.otherAdmin);
    const res = await t.app.inject({ url: `/api/orgs/${world.client.id}/work-orders`, headers: { cookie } });
    expect(res.statusCode).toBe(404);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'tenant.denied'), eq(auditEvents.actorUserId, world.users.otherAdmin.id)),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toMatchObject({ requestedOrgId: world.client.id });
  });
});
