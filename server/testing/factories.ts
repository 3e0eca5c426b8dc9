import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { OrgKind, Role } from '../../contract/organizations.ts';
import type { CreateWorkOrderBody, WorkOrder } from '../../contract/work-orders.ts';
import { linkContractor } from '../modules/agreements/agreements.repository.ts';
import { createUser } from '../modules/identity/identity.usecases.ts';
import { insertMembership, insertOrganization } from '../modules/organizations/organizations.repository.ts';
import { systemClock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';
import type { Actor } from '../platform/tenant-scope.ts';

/** Typed rows for tests. Every name is unique, so tests in one file never see each other's data. */
const unique = () => randomBytes(4).toString('hex');

export const TEST_PASSWORD = 'a long enough test password';

export async function makeOrg(db: Database, kind: OrgKind, name = `${kind} ${unique()} AB`) {
  return insertOrganization(db, { kind, name, createdAt: systemClock.now() });
}

export type TestUser = { id: string; username: string; email: string; password: string; actor: Actor };

export async function makeUser(
  db: Database,
  org: { id: string; kind: OrgKind },
  role: Role,
  options: { locale?: 'sv' | 'en'; username?: string } = {},
): Promise<TestUser> {
  const username = options.username ?? `${role}-${unique()}`;
  const email = `${username}@test.example`;
  const user = await createUser(
    { db, clock: systemClock },
    { username, email, name: `Test ${role} ${username}`, password: TEST_PASSWORD, locale: options.locale },
  );
  await insertMembership(db, { userId: user.id, orgId: org.id, role, createdAt: systemClock.now() });
  return {
    id: user.id,
    username,
    email,
    password: TEST_PASSWORD,
    actor: { userId: user.id, orgId: org.id, orgKind: org.kind, role },
  };
}

export async function addMembership(db: Database, user: TestUser, org: { id: string }, role: Role) {
  await insertMembership(db, { userId: user.id, orgId: org.id, role, createdAt: systemClock.now() });
}

/** Logs in through the API and returns the Cookie header to send. */
export async function login(
  app: FastifyInstance,
  user: { username: string; password: string },
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { login: user.username, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies[0]!;
  return `${cookie.name}=${cookie.value}`;
}

/**
 * A small world: a client with coordinator, viewer, admin and support; a linked contractor with admin,
 * manager, two technicians and support; and a second, unrelated contractor with its admin.
 */
export async function makeWorld(db: Database) {
  const client = await makeOrg(db, 'client');
  const contractor = await makeOrg(db, 'contractor');
  const otherContractor = await makeOrg(db, 'contractor');
  await linkContractor(db, {
    clientOrgId: client.id,
    contractorOrgId: contractor.id,
    createdAt: systemClock.now(),
  });
  const users = {
    coordinator: await makeUser(db, client, 'coordinator'),
    clientAdmin: await makeUser(db, client, 'admin'),
    viewer: await makeUser(db, client, 'viewer'),
    clientSupport: await makeUser(db, client, 'support'),
    contractorAdmin: await makeUser(db, contractor, 'admin'),
    manager: await makeUser(db, contractor, 'manager', { locale: 'en' }),
    technician: await makeUser(db, contractor, 'technician'),
    otherTechnician: await makeUser(db, contractor, 'technician'),
    contractorSupport: await makeUser(db, contractor, 'support'),
    otherAdmin: await makeUser(db, otherContractor, 'admin'),
  };
  return { client, contractor, otherContractor, users };
}

export function orderInput(overrides: Partial<CreateWorkOrderBody> = {}): CreateWorkOrderBody {
  return {
    type: 'fault',
    priority: 'normal',
    description: 'Kommer inget vatten i köksblandaren',
    phrase: 'Blandare dåligt tryck',
    propertyName: 'Stockholm Tallkrogen 3',
    ownerName: 'Exempelbostäder AB',
    street: 'Torögatan 51',
    postalCode: '122 65',
    city: 'Enskede',
    objectNumber: '64010765',
    room: 'Kök (076506)',
    unit: 'Diskbänk',
    reporter: { name: 'Test Testsson', phones: [{ kind: 'home', number: '070-174 06 05', preferred: true }] },
    ...overrides,
  };
}

/** Creates (and by default dispatches) an order through the API as the given client user. */
export async function createOrderViaApi(
  app: FastifyInstance,
  args: {
    cookie: string;
    clientOrgId: string;
    contractorOrgId?: string;
    input?: Partial<CreateWorkOrderBody>;
  },
): Promise<WorkOrder> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/orgs/${args.clientOrgId}/work-orders`,
    headers: { cookie: args.cookie },
    payload: orderInput({ contractorOrgId: args.contractorOrgId, ...args.input }),
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json() as WorkOrder;
}
