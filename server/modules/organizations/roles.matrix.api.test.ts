import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementTermsSchema } from '../../../contract/agreements.ts';
import { createOrderViaApi, login, makeWorld, type TestUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { updateWorkOrder } from '../work-orders/work-orders.repository.ts';

/**
 * Issue 6 / domain.md roles table: the four contractor roles and three client roles against the main
 * endpoints, each in their own company. A cell is the status the role gets; 403 is "a member without
 * the right" (security.md 17), never 404 (that is for other companies, tested by the route walk).
 */
type Cell = { status: number };
type RoleName =
  | 'contractorAdmin'
  | 'manager'
  | 'technician'
  | 'contractorSupport'
  | 'clientAdmin'
  | 'coordinator'
  | 'viewer';

const contractorRoles = ['contractorAdmin', 'manager', 'technician', 'contractorSupport'] as const;
const clientRoles = ['clientAdmin', 'coordinator', 'viewer'] as const;

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<RoleName, string>;
let coordinatorCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  for (const role of [...contractorRoles, ...clientRoles])
    cookies[role] = await login(t.app, world.users[role]);
  coordinatorCookie = cookies.coordinator;
});
afterAll(() => t.close());

const orgOf = (role: RoleName) =>
  (contractorRoles as readonly string[]).includes(role) ? world.contractor : world.client;

/** A dispatched order assigned to the first technician. */
async function assignedOrder() {
  const order = await createOrderViaApi(t.app, {
    cookie: coordinatorCookie,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
  });
  await updateWorkOrder(t.database.db, order.id, { contractorContactUserId: world.users.technician.id });
  return order;
}

type Endpoint = {
  name: string;
  call: (role: RoleName, user: TestUser) => Promise<{ statusCode: number; body: string }>;
  expect: Record<RoleName, number>;
};

const endpoints: Endpoint[] = [
  {
    name: 'list orders',
    call: (role) =>
      t.app.inject({ url: `/api/orgs/${orgOf(role).id}/work-orders`, headers: { cookie: cookies[role] } }),
    expect: {
      contractorAdmin: 200,
      manager: 200,
      technician: 200,
      contractorSupport: 403,
      clientAdmin: 200,
      coordinator: 200,
      viewer: 200,
    },
  },
  {
    name: 'read an order (assigned to the technician)',
    call: async (role) => {
      const order = await assignedOrder();
      return t.app.inject({
        url: `/api/orgs/${orgOf(role).id}/work-orders/${order.id}`,
        headers: { cookie: cookies[role] },
      });
    },
    expect: {
      contractorAdmin: 200,
      manager: 200,
      technician: 200,
      contractorSupport: 403,
      clientAdmin: 200,
      coordinator: 200,
      viewer: 200,
    },
  },
  {
    name: 'accept a new order',
    call: async (role) => {
      const order = await assignedOrder();
      return t.app.inject({
        method: 'POST',
        url: `/api/orgs/${orgOf(role).id}/work-orders/${order.id}/transitions`,
        headers: { cookie: cookies[role] },
        payload: { to: 'accepted' },
      });
    },
    // Accepting is not a move of the client's side of the status machine at all: 409, nothing changes.
    expect: {
      contractorAdmin: 200,
      manager: 200,
      technician: 403,
      contractorSupport: 403,
      clientAdmin: 409,
      coordinator: 409,
      viewer: 409,
    },
  },
  {
    name: 'dispatch (create and send an order)',
    call: (role) =>
      t.app.inject({
        method: 'POST',
        url: `/api/orgs/${world.client.id}/work-orders`,
        headers: { cookie: cookies[role] },
        payload: {
          type: 'fault',
          priority: 'normal',
          description: 'Droppande kran',
          propertyName: 'Stockholm Tallkrogen 3',
          street: 'Torögatan 51',
          postalCode: '122 65',
          city: 'Enskede',
          reporter: { name: 'Test', phones: [{ kind: 'home', number: '070-174 06 05', preferred: true }] },
          contractorOrgId: world.contractor.id,
        },
      }),
    // Contractor roles are not members of the client: the tenant scope answers 404.
    expect: {
      contractorAdmin: 404,
      manager: 404,
      technician: 404,
      contractorSupport: 404,
      clientAdmin: 201,
      coordinator: 201,
      viewer: 403,
    },
  },
  {
    name: 'agreements write',
    call: async (role) => {
      const org = orgOf(role);
      const counterpart = org.id === world.client.id ? world.contractor.id : world.client.id;
      const url = `/api/orgs/${org.id}/agreements/${counterpart}`;
      const read = await t.app.inject({
        url: `/api/orgs/${world.client.id}/agreements/${world.contractor.id}`,
        headers: { cookie: cookies.clientAdmin },
      });
      const terms = agreementTermsSchema.parse(
        Object.fromEntries(Object.keys(agreementTermsSchema.shape).map((k) => [k, read.json()[k]])),
      );
      return t.app.inject({
        method: 'PUT',
        url,
        headers: { cookie: cookies[role], 'if-match': read.headers.etag as string },
        payload: terms,
      });
    },
    expect: {
      contractorAdmin: 403,
      manager: 403,
      technician: 403,
      contractorSupport: 403,
      clientAdmin: 200,
      coordinator: 403,
      viewer: 403,
    },
  },
  {
    name: 'register write (add a property)',
    call: (role) =>
      t.app.inject({
        method: 'POST',
        url: `/api/orgs/${orgOf(role).id}/properties`,
        headers: { cookie: cookies[role] },
        payload: { designation: `Matris ${role} ${Math.random().toString(36).slice(2, 8)}` },
      }),
    expect: {
      contractorAdmin: 403,
      manager: 403,
      technician: 403,
      contractorSupport: 403,
      clientAdmin: 201,
      coordinator: 403,
      viewer: 403,
    },
  },
  {
    name: 'invite',
    call: (role) =>
      t.app.inject({
        method: 'POST',
        url: '/api/invitations',
        headers: { cookie: cookies[role] },
        payload: {
          invitations: [
            {
              email: `matrix-${role}-${Math.random().toString(36).slice(2, 8)}@example.se`,
              memberships: [{ orgId: orgOf(role).id, role: 'support' }],
            },
          ],
        },
      }),
    expect: {
      contractorAdmin: 201,
      manager: 403,
      technician: 403,
      contractorSupport: 403,
      clientAdmin: 201,
      coordinator: 403,
      viewer: 403,
    },
  },
  {
    name: 'users',
    call: (role) =>
      t.app.inject({ url: `/api/orgs/${orgOf(role).id}/users`, headers: { cookie: cookies[role] } }),
    expect: {
      contractorAdmin: 200,
      manager: 403,
      technician: 403,
      contractorSupport: 403,
      clientAdmin: 200,
      coordinator: 403,
      viewer: 403,
    },
  },
];

describe('role × endpoint', () => {
  for (const endpoint of endpoints) {
    for (const role of [...contractorRoles, ...clientRoles]) {
      const expected: Cell = { status: endpoint.expect[role] };
      it(`${endpoint.name}: ${role} gets ${expected.status}`, async () => {
        const res = await endpoint.call(role, world.users[role]);
        expect(res.statusCode, res.body.slice(0, 300)).toBe(expected.status);
      });
    }
  }

  it("a client's support user reaches no work orders (403), as the contractor's does", async () => {
    const cookie = await login(t.app, world.users.clientSupport);
    const order = await assignedOrder();
    for (const url of [`/work-orders`, `/work-orders/${order.id}`, '/work-orders/dashboard']) {
      const res = await t.app.inject({ url: `/api/orgs/${world.client.id}${url}`, headers: { cookie } });
      expect(res.statusCode, url).toBe(403);
    }
  });

  it('a technician cannot read an order assigned to a colleague (404)', async () => {
    const order = await assignedOrder();
    await updateWorkOrder(t.database.db, order.id, {
      contractorContactUserId: world.users.otherTechnician.id,
    });
    const res = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}`,
      headers: { cookie: cookies.technician },
    });
    expect(res.statusCode).toBe(404);
  });
});
