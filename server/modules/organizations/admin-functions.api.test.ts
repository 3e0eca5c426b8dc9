import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeOrg, makeWorld, type TestUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { users } from '../identity/identity.table.ts';
import { invitationMemberships, invitations } from '../invitations/invitations.table.ts';
import { memberships, organizations } from './organizations.table.ts';

/**
 * security.md 17 (OWASP API5): support and technician users — and the other members without the
 * administrator role — calling admin functions in their own company get 403, and nothing changes.
 * (Another company's ids answer 404: the route walk in tenant-scope.test.ts.)
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const pendingIn = {} as Record<'client' | 'contractor', string>;
const cookies = new Map<TestUser, string>();

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  await makeOrg(t.database.db, 'operator');
  for (const [side, org, admin, role] of [
    ['client', world.client, world.users.clientAdmin, 'viewer'],
    ['contractor', world.contractor, world.users.contractorAdmin, 'technician'],
  ] as const) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: await login(t.app, admin) },
      payload: {
        invitations: [{ email: `pending-${side}@example.se`, memberships: [{ orgId: org.id, role }] }],
      },
    });
    pendingIn[side] = res.json().items[0].id;
  }
  for (const user of Object.values(world.users)) cookies.set(user, await login(t.app, user));
});
afterAll(() => t.close());

/** Everything an admin function could change, to compare before and after. */
async function snapshot() {
  const db = t.database.db;
  return JSON.stringify({
    memberships: (await db.select().from(memberships)).sort((a, b) =>
      `${a.orgId}${a.userId}`.localeCompare(`${b.orgId}${b.userId}`),
    ),
    invitations: (await db.select().from(invitations)).sort((a, b) => a.id.localeCompare(b.id)),
    grants: (await db.select().from(invitationMemberships)).sort((a, b) =>
      `${a.invitationId}${a.orgId}`.localeCompare(`${b.invitationId}${b.orgId}`),
    ),
    organizations: (await db.select().from(organizations)).sort((a, b) => a.id.localeCompare(b.id)),
    agreements: (await db.select().from(agreements)).length,
    users: (await db.select().from(users))
      .map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        disabledAt: u.disabledAt,
        deletedAt: u.deletedAt,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  });
}

type Call = { name: string; method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object };

function adminFunctions(side: 'client' | 'contractor', self: TestUser, colleague: TestUser): Call[] {
  const org = side === 'client' ? world.client : world.contractor;
  const base = `/api/orgs/${org.id}`;
  const role = side === 'client' ? 'viewer' : 'technician';
  return [
    {
      name: 'invite',
      method: 'POST',
      url: '/api/invitations',
      payload: { invitations: [{ email: 'ny@example.se', memberships: [{ orgId: org.id, role }] }] },
    },
    { name: 'list pending invitations', method: 'GET', url: `${base}/invitations` },
    { name: 'resend an invitation', method: 'POST', url: `${base}/invitations/${pendingIn[side]}/resend` },
    { name: 'revoke an invitation', method: 'DELETE', url: `${base}/invitations/${pendingIn[side]}` },
    { name: 'list users', method: 'GET', url: `${base}/users` },
    {
      name: 'create a user with a password',
      method: 'POST',
      url: `${base}/users`,
      payload: {
        name: 'Ny',
        email: 'ny.anvandare@example.se',
        username: 'ny-anvandare',
        role,
        password: 'ett långt och ovanligt lösenord',
      },
    },
    {
      name: 'make oneself admin',
      method: 'PUT',
      url: `${base}/users/${self.id}/role`,
      payload: { role: 'admin' },
    },
    {
      name: 'change a colleague’s role',
      method: 'PUT',
      url: `${base}/users/${colleague.id}/role`,
      payload: { role: 'support' },
    },
    {
      name: 'disable a colleague',
      method: 'PUT',
      url: `${base}/users/${colleague.id}/disabled`,
      payload: { disabled: true },
    },
    { name: 'remove a colleague', method: 'DELETE', url: `${base}/users/${colleague.id}` },
    { name: 'delete a colleague’s account', method: 'DELETE', url: `${base}/users/${colleague.id}/account` },
    {
      name: 'require two-step verification',
      method: 'PUT',
      url: `${base}/settings/security`,
      payload: { requireTwoFactor: true },
    },
    { name: 'read the audit log', method: 'GET', url: `${base}/audit` },
    {
      name: 'invite a contractor company (create a customer)',
      method: 'POST',
      url: `${base}/contractor-invitations`,
      payload: { orgNumber: '556016-0680', name: 'Ny Entreprenör AB', email: 'forsta@ny.example' },
    },
    {
      name: 'create a company (operator)',
      method: 'POST',
      url: '/api/operator/companies',
      payload: {
        kind: 'client',
        name: 'Ny Kund AB',
        orgNumber: '556036-0793',
        adminEmail: 'chef@ny.example',
      },
    },
    { name: 'list companies (operator)', method: 'GET', url: '/api/operator/companies' },
    { name: 'delete any account (operator)', method: 'DELETE', url: `/api/operator/users/${colleague.id}` },
    { name: 'read every audit event (operator)', method: 'GET', url: '/api/operator/audit' },
  ];
}

describe('admin functions called by members without the right (security.md 17)', () => {
  const cases = [
    ['technician', 'contractor', 'technician', 'otherTechnician'],
    ['contractor support user', 'contractor', 'contractorSupport', 'technician'],
    ['client support user', 'client', 'clientSupport', 'viewer'],
    ['manager', 'contractor', 'manager', 'technician'],
    ['coordinator', 'client', 'coordinator', 'viewer'],
    ['viewer', 'client', 'viewer', 'coordinator'],
  ] as const;

  for (const [label, side, who, colleagueKey] of cases) {
    it(`a ${label} gets 403 from every admin function, and nothing changes`, async () => {
      const self = world.users[who];
      const colleague = world.users[colleagueKey];
      const before = await snapshot();
      for (const call of adminFunctions(side, self, colleague)) {
        const res = await t.app.inject({
          method: call.method,
          url: call.url,
          headers: { cookie: cookies.get(self)! },
          ...(call.payload ? { payload: call.payload } : {}),
        });
        expect(res.statusCode, `${call.name}: ${res.body.slice(0, 200)}`).toBe(403);
        expect(res.headers['content-type'], call.name).toContain('application/problem+json');
      }
      expect(await snapshot()).toBe(before);
    });
  }

  it('the administrators themselves may do it (the calls are real, not malformed)', async () => {
    const cookie = cookies.get(world.users.contractorAdmin)!;
    const calls = adminFunctions(
      'contractor',
      world.users.contractorAdmin,
      world.users.otherTechnician,
    ).filter((c) => c.method === 'GET' && !c.url.startsWith('/api/operator'));
    for (const call of calls) {
      const res = await t.app.inject({ method: call.method, url: call.url, headers: { cookie } });
      expect(res.statusCode, call.name).toBe(200);
    }
    const role = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${world.contractor.id}/users/${world.users.otherTechnician.id}/role`,
      headers: { cookie },
      payload: { role: 'manager' },
    });
    expect(role.statusCode).toBe(204);
  });
});
