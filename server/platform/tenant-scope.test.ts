import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workOrders } from '../modules/work-orders/work-orders.table.ts';
import { addMembership, createOrderViaApi, login, makeWorld } from '../testing/factories.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { TENANT_PREFIX } from './tenant-scope.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let orderId: string;
let cookies: { outsider: string; member: string };

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  const coordinator = await login(t.app, world.users.coordinator);
  orderId = (
    await createOrderViaApi(t.app, {
      cookie: coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    })
  ).id;
  cookies = {
    outsider: await login(t.app, world.users.otherAdmin),
    member: await login(t.app, world.users.contractorAdmin),
  };
});
afterAll(() => t.close());

/** A real value for every path parameter a company-scoped route can have. A new parameter must be added here. */
function fill(url: string, orgId: string): string {
  const values: Record<string, string> = {
    orgId,
    id: orderId,
    bundle: '64010765-20260101',
    counterpartId: world.client.id,
    // Register ids: the scope answers before any lookup, so any well-formed id will do.
    propertyId: '00000000-0000-4000-8000-0000000000a1',
    objectId: '00000000-0000-4000-8000-0000000000a2',
    roomId: '00000000-0000-4000-8000-0000000000a3',
    unitId: '00000000-0000-4000-8000-0000000000a4',
    tenantId: '00000000-0000-4000-8000-0000000000a5',
    questionId: '00000000-0000-4000-8000-0000000000b1',
    attachmentId: '00000000-0000-4000-8000-0000000000b2',
    messageId: '00000000-0000-4000-8000-0000000000b3',
    decision: 'reject',
    jobId: '00000000-0000-4000-8000-0000000000b4',
    userId: '00000000-0000-4000-8000-0000000000c1',
    invitationId: '00000000-0000-4000-8000-0000000000c2',
  };
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (!value)
      throw new Error(
        `The route walk does not know the parameter :${name} in ${url}; add a real value for it`,
      );
    return value;
  });
}

const scopedRoutes = () => t.routes.filter((r) => r.url.startsWith(`${TENANT_PREFIX}/`));

describe('every company-scoped route', () => {
  it('is found by the walk (the walk is not empty)', () => {
    const urls = scopedRoutes().map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /api/orgs/:orgId/work-orders');
    expect(urls).toContain('POST /api/orgs/:orgId/work-orders/:id/transitions');
  });

  it('answers 401 without a session', async () => {
    for (const route of scopedRoutes()) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, world.contractor.id),
        payload: route.method === 'GET' || route.method === 'HEAD' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('answers 404 to a member of another company and changes nothing', async () => {
    const [before] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, orderId));
    for (const route of scopedRoutes()) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, world.contractor.id),
        headers: { cookie: cookies.outsider },
        payload: route.method === 'GET' || route.method === 'HEAD' ? undefined : { to: 'accepted' },
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
      if (route.method !== 'HEAD') expect(res.json().code, route.url).toBe('not_found');
    }
    const [after] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, orderId));
    expect(after).toEqual(before);
  });

  it('answers 404 for a company id that is not a uuid, or does not exist', async () => {
    for (const orgId of ['nope', '00000000-0000-4000-8000-000000000000']) {
      const res = await t.app.inject({
        url: `/api/orgs/${orgId}/work-orders`,
        headers: { cookie: cookies.member },
      });
      expect(res.statusCode).toBe(404);
    }
  });
});

describe('a company’s data stays with the company', () => {
  it('a member of Snabbfix El AB asking for an order of Exempel Rör AB gets 404', async () => {
    const res = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/work-orders/${orderId}`,
      headers: { cookie: cookies.outsider },
    });
    expect(res.statusCode).toBe(404);
  });

  it('a user in two companies, acting in one, cannot reach the other’s orders through it', async () => {
    const both = world.users.otherAdmin;
    await addMembership(t.database.db, both, world.client, 'viewer');
    const cookie = await login(t.app, both);
    const inOther = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/work-orders/${orderId}`,
      headers: { cookie },
    });
    expect(inOther.statusCode).toBe(404);
    const inClient = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/${orderId}`,
      headers: { cookie },
    });
    expect(inClient.statusCode).toBe(200);
  });
});
