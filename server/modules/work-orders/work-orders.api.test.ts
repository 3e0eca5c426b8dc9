import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder, WorkOrderList } from '../../../contract/work-orders.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { createOrderViaApi, login, makeWorld, orderInput } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { updateWorkOrder } from './work-orders.repository.ts';
import { workOrderEvents, workOrders } from './work-orders.table.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<keyof typeof world.users, string>;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  for (const [name, user] of Object.entries(world.users)) {
    cookies[name as keyof typeof world.users] = await login(t.app, user);
  }
});
afterAll(() => t.close());

const base = () => `/api/orgs/${world.client.id}/work-orders`;
const contractorBase = () => `/api/orgs/${world.contractor.id}/work-orders`;

async function dispatch(input = {}) {
  return createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
    input,
  });
}

async function transition(
  cookie: string,
  orgId: string,
  id: string,
  body: object,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/work-orders/${id}/transitions`,
    headers: { cookie, ...headers },
    payload: body,
  });
}

async function eventsOf(id: string) {
  return t.database.db.select().from(workOrderEvents).where(eq(workOrderEvents.workOrderId, id));
}

async function rowOf(id: string) {
  const [row] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, id));
  return row!;
}

describe('creating and dispatching a work order', () => {
  it('a coordinator dispatches an order: it is numbered, new, logged and a mail to the contractor is queued', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: base(),
      headers: { cookie: cookies.coordinator },
      payload: orderInput({ contractorOrgId: world.contractor.id }),
    });
    expect(res.statusCode).toBe(201);
    const order = res.json() as WorkOrder;
    expect(order).toMatchObject({
      status: 'new',
      type: 'fault',
      priority: 'normal',
      billable: true,
      contractor: { id: world.contractor.id },
      client: { id: world.client.id },
      orderedBy: { id: world.users.coordinator.id },
      reporter: {
        name: 'Test Testsson',
        phones: [{ kind: 'home', number: '070-174 06 05', preferred: true }],
      },
    });
    expect(order.number).toBeGreaterThan(0);
    expect(order.orderedAt).not.toBeNull();
    expect(res.headers.etag).toBe(`"${order.version}"`);
    expect(res.headers.location).toBe(`${base()}/${order.id}`);
    expect(order.events).toMatchObject([
      { type: 'created', toStatus: 'new', actor: { id: world.users.coordinator.id } },
    ]);

    const mails = await t.database.db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload}->'context'->>'workOrderId' = ${order.id}`);
    // One per contractor admin and manager, in each recipient's language.
    const recipients = mails.map(
      (m) => (m.payload as { message: { to: string[]; subject: string } }).message,
    );
    expect(recipients.map((r) => r.to[0]).sort()).toEqual(
      [world.users.contractorAdmin.email, world.users.manager.email].sort(),
    );
    expect(recipients.find((r) => r.to[0] === world.users.manager.email)?.subject).toMatch(/^New work order/);
    expect(recipients.find((r) => r.to[0] === world.users.contractorAdmin.email)?.subject).toMatch(
      /^Ny arbetsorder/,
    );
  });

  it('numbers a client’s orders one after another', async () => {
    const a = await dispatch();
    const b = await dispatch();
    expect(b.number).toBe(a.number + 1);
  });

  it('makes warranty orders not billable unless told otherwise', async () => {
    const order = await dispatch({ type: 'warranty' });
    expect(order.billable).toBe(false);
  });

  it('keeps a draft away from the contractor and sends no mail', async () => {
    const draft = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: { dispatch: false },
    });
    expect(draft.status).toBe('draft');
    expect(draft.orderedAt).toBeNull();
    const res = await t.app.inject({
      url: `${contractorBase()}/${draft.id}`,
      headers: { cookie: cookies.contractorAdmin },
    });
    expect(res.statusCode).toBe(404);
    const mails = await t.database.db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload}->'context'->>'workOrderId' = ${draft.id}`);
    expect(mails).toHaveLength(0);
  });

  it('refuses to dispatch without a contractor, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: base(),
      headers: { cookie: cookies.coordinator },
      payload: orderInput(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'contractorOrgId', code: 'required' }),
    ]);
  });

  it('refuses a contractor the client does not work with, as if it did not exist, and writes nothing', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(workOrders);
    const res = await t.app.inject({
      method: 'POST',
      url: base(),
      headers: { cookie: cookies.coordinator },
      payload: orderInput({ contractorOrgId: world.otherContractor.id }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'contractorOrgId', code: 'unknown_contractor' });
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(workOrders);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('names each bad field, in the caller’s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: base(),
      headers: { cookie: cookies.coordinator, 'accept-language': 'en' },
      payload: {
        ...orderInput(),
        description: '',
        reporter: { name: 'X', phones: [{ kind: 'home', number: 'abc' }] },
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.title).toBe('The request is not valid');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'description',
      'reporter.phones.0.number',
    ]);
    const sv = await t.app.inject({
      method: 'POST',
      url: base(),
      headers: { cookie: cookies.coordinator },
      payload: { ...orderInput(), description: '' },
    });
    expect(sv.json()).toMatchObject({
      title: 'Uppgifterna är inte giltiga',
      errors: [{ field: 'description', message: 'Obligatoriskt fält' }],
    });
  });

  it('refuses fields the caller may not set (status, number, client) and writes nothing', async () => {
    for (const extra of [
      { status: 'done' },
      { number: 1 },
      { clientOrgId: world.client.id },
      { createdBy: 'x' },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: base(),
        headers: { cookie: cookies.coordinator },
        payload: { ...orderInput({ contractorOrgId: world.contractor.id }), ...extra },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe(Object.keys(extra)[0]);
    }
  });

  it('refuses a body that tries to reach the object prototype', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: base(),
      headers: { cookie: cookies.coordinator, 'content-type': 'application/json' },
      payload: `{"type":"fault","__proto__":{"admin":true}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('refuses order creation to client viewers and support users of either side (403)', async () => {
    for (const who of ['viewer', 'clientSupport'] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: base(),
        headers: { cookie: cookies[who] },
        payload: orderInput({ contractorOrgId: world.contractor.id }),
      });
      expect(res.statusCode, who).toBe(403);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: contractorBase(),
      headers: { cookie: cookies.contractorSupport },
      payload: orderInput({ clientOrgId: world.client.id }),
    });
    expect(res.statusCode).toBe(403);
  });

  it('creates one order for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const key = `key-${Date.now()}`;
    const send = (description: string) =>
      t.app.inject({
        method: 'POST',
        url: base(),
        headers: { cookie: cookies.coordinator, 'idempotency-key': key },
        payload: orderInput({ contractorOrgId: world.contractor.id, description }),
      });
    const first = await send('Idempotent beskrivning');
    const second = await send('Idempotent beskrivning');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const rows = await t.database.db
      .select()
      .from(workOrders)
      .where(eq(workOrders.description, 'Idempotent beskrivning'));
    expect(rows).toHaveLength(1);
    const third = await send('En annan beskrivning');
    expect(third.statusCode).toBe(422);
    expect(third.json().code).toBe('request.idempotency_key_reused');
  });
});

describe('the contractor’s list and order page', () => {
  it('the contractor sees a dispatched order in its active list and opens it', async () => {
    const order = await dispatch({ description: 'Syns i listan' });
    const list = await t.app.inject({ url: contractorBase(), headers: { cookie: cookies.contractorAdmin } });
    expect(list.statusCode).toBe(200);
    const body = list.json() as WorkOrderList;
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.find((i) => i.id === order.id)).toMatchObject({
      number: order.number,
      status: 'new',
      client: { id: world.client.id },
      description: 'Syns i listan',
    });
    const page = await t.app.inject({
      url: `${contractorBase()}/${order.id}`,
      headers: { cookie: cookies.manager },
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ id: order.id, allowedTransitions: ['accepted', 'declined'] });
  });

  it('another contractor gets 404 for the order, also through its own company path', async () => {
    const order = await dispatch();
    const viaOwn = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/work-orders/${order.id}`,
      headers: { cookie: cookies.otherAdmin },
    });
    expect(viaOwn.statusCode).toBe(404);
    const viaForeign = await t.app.inject({
      url: `${contractorBase()}/${order.id}`,
      headers: { cookie: cookies.otherAdmin },
    });
    expect(viaForeign.statusCode).toBe(404);
    const list = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/work-orders?view=all`,
      headers: { cookie: cookies.otherAdmin },
    });
    expect(list.json()).toEqual({ items: [], total: 0 });
  });

  it('a technician sees only the orders assigned to them', async () => {
    const mine = await dispatch({ description: 'Tilldelad teknikern' });
    const theirs = await dispatch({ description: 'Tilldelad kollegan' });
    await updateWorkOrder(t.database.db, mine.id, { contractorContactUserId: world.users.technician.id });
    await updateWorkOrder(t.database.db, theirs.id, {
      contractorContactUserId: world.users.otherTechnician.id,
    });
    const list = await t.app.inject({
      url: `${contractorBase()}?view=all`,
      headers: { cookie: cookies.technician },
    });
    const ids = (list.json() as WorkOrderList).items.map((i) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const page = await t.app.inject({
      url: `${contractorBase()}/${theirs.id}`,
      headers: { cookie: cookies.technician },
    });
    expect(page.statusCode).toBe(404);
  });

  it('a technician cannot change, move, accept as a bundle or count a colleague’s order: 404, nothing written', async () => {
    const theirs = await dispatch({ description: 'Kollegans jobb', objectNumber: '64018801' });
    await updateWorkOrder(t.database.db, theirs.id, {
      status: 'accepted',
      contractorContactUserId: world.users.otherTechnician.id,
    });
    const before = await rowOf(theirs.id);
    const eventsBefore = (await eventsOf(theirs.id)).length;
    const tech = { cookie: cookies.technician };
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `${contractorBase()}/${theirs.id}`,
      headers: { ...tech, 'if-match': `"${before.version}"` },
      payload: { plannedAt: '2026-12-01' },
    });
    expect(patch.statusCode).toBe(404);
    const move = await transition(cookies.technician, world.contractor.id, theirs.id, {
      to: 'done',
      actionDescription: 'Klart',
    });
    expect(move.statusCode).toBe(404);
    const bundle = await t.app.inject({
      method: 'POST',
      url: `${contractorBase()}/bundles/${theirs.bundleNumber}/accept`,
      headers: tech,
    });
    expect(bundle.statusCode).toBe(404);
    const dashboard = await t.app.inject({ url: `${contractorBase()}/dashboard`, headers: tech });
    const mine = await t.app.inject({ url: `${contractorBase()}?view=all&limit=200`, headers: tech });
    expect(dashboard.json().all.totals.total).toBe(mine.json().total);
    expect(await rowOf(theirs.id)).toEqual(before);
    expect((await eventsOf(theirs.id)).length).toBe(eventsBefore);
  });

  it('support users get 403 on the order list', async () => {
    const res = await t.app.inject({ url: contractorBase(), headers: { cookie: cookies.contractorSupport } });
    expect(res.statusCode).toBe(403);
  });

  it('filters by status and view, sorts, and pages with the total', async () => {
    const a = await dispatch({ priority: 'urgent' });
    await transition(cookies.contractorAdmin, world.contractor.id, a.id, { to: 'accepted' });
    const accepted = await t.app.inject({
      url: `${contractorBase()}?status=accepted&sort=number&order=asc&limit=1`,
      headers: { cookie: cookies.contractorAdmin },
    });
    const body = accepted.json() as WorkOrderList;
    expect(body.items).toHaveLength(1);
    expect(body.items.every((i) => i.status === 'accepted')).toBe(true);
    expect(body.total).toBeGreaterThanOrEqual(1);
    const completed = await t.app.inject({
      url: `${contractorBase()}?view=completed&status=accepted`,
      headers: { cookie: cookies.contractorAdmin },
    });
    expect(completed.json()).toEqual({ items: [], total: 0 });
    const bad = await t.app.inject({
      url: `${contractorBase()}?sort=password`,
      headers: { cookie: cookies.contractorAdmin },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('sort');
  });
});

describe('accepting and declining', () => {
  it('the contractor accepts a new order; the change and who made it are logged in the same step', async () => {
    const order = await dispatch();
    const res = await transition(
      cookies.contractorAdmin,
      world.contractor.id,
      order.id,
      { to: 'accepted' },
      {
        'if-match': `"${order.version}"`,
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', version: order.version + 1 });
    expect(res.headers.etag).toBe(`"${order.version + 1}"`);
    const events = await eventsOf(order.id);
    expect(events.find((e) => e.type === 'status_changed')).toMatchObject({
      fromStatus: 'new',
      toStatus: 'accepted',
      actorUserId: world.users.contractorAdmin.id,
      actorOrgId: world.contractor.id,
    });
    // The client sees the change too.
    const clientView = await t.app.inject({
      url: `${base()}/${order.id}`,
      headers: { cookie: cookies.viewer },
    });
    expect(clientView.json().status).toBe('accepted');
  });

  it('declining needs a reason; without one nothing changes', async () => {
    const order = await dispatch();
    const res = await transition(cookies.manager, world.contractor.id, order.id, { to: 'declined' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await rowOf(order.id)).status).toBe('new');
    expect(await eventsOf(order.id)).toHaveLength(1);

    const ok = await transition(cookies.manager, world.contractor.id, order.id, {
      to: 'declined',
      reason: 'Ingen kapacitet',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('declined');
    expect(ok.json().events[0]).toMatchObject({
      type: 'status_changed',
      toStatus: 'declined',
      reason: 'Ingen kapacitet',
    });
  });

  it('an illegal move answers 409 and changes nothing', async () => {
    const order = await dispatch();
    const res = await transition(cookies.contractorAdmin, world.contractor.id, order.id, {
      to: 'done',
      actionDescription: 'Klart',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('work_orders.invalid_transition');
    const row = await rowOf(order.id);
    expect(row.status).toBe('new');
    expect(row.version).toBe(order.version);
    // The client cannot accept on the contractor's behalf either: that move is the contractor's.
    const byClient = await transition(cookies.coordinator, world.client.id, order.id, { to: 'accepted' });
    expect(byClient.statusCode).toBe(409);
    expect(byClient.json().code).toBe('work_orders.contractor_only');
    expect((await rowOf(order.id)).version).toBe(order.version);
  });

  it('a technician may not accept (403), even an order assigned to them', async () => {
    const order = await dispatch();
    await updateWorkOrder(t.database.db, order.id, { contractorContactUserId: world.users.technician.id });
    const res = await transition(cookies.technician, world.contractor.id, order.id, { to: 'accepted' });
    expect(res.statusCode).toBe(403);
    expect((await rowOf(order.id)).status).toBe('new');
  });

  it('a technician completes an assigned order with the action taken', async () => {
    const order = await dispatch();
    await updateWorkOrder(t.database.db, order.id, { contractorContactUserId: world.users.technician.id });
    await transition(cookies.manager, world.contractor.id, order.id, { to: 'accepted' });
    const res = await transition(cookies.technician, world.contractor.id, order.id, {
      to: 'done',
      actionDescription: 'Bytt packning i blandaren',
      faultType: 'Slitage',
      rootCause: 'Ålder/slitage',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'done',
      actionDescription: 'Bytt packning i blandaren',
      faultType: 'Slitage',
      rootCause: 'Ålder/slitage',
    });
    expect(res.json().completedAt).not.toBeNull();
  });

  it('a stale If-Match answers 412 and writes neither the change nor an event', async () => {
    const order = await dispatch();
    const res = await transition(
      cookies.contractorAdmin,
      world.contractor.id,
      order.id,
      { to: 'accepted' },
      {
        'if-match': `"${order.version + 5}"`,
      },
    );
    expect(res.statusCode).toBe(412);
    expect((await rowOf(order.id)).status).toBe('new');
    expect(await eventsOf(order.id)).toHaveLength(1);
  });

  it('two people accepting at once: one wins, the other gets a clear refusal', async () => {
    const order = await dispatch();
    const [a, b] = await Promise.all([
      transition(cookies.contractorAdmin, world.contractor.id, order.id, { to: 'accepted' }),
      transition(cookies.manager, world.contractor.id, order.id, { to: 'accepted' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const changes = (await eventsOf(order.id)).filter((e) => e.type === 'status_changed');
    expect(changes).toHaveLength(1);
  });

  it('the client cancels with a reason, reopens a done order and marks it invoiced', async () => {
    const cancelled = await dispatch();
    const noReason = await transition(cookies.coordinator, world.client.id, cancelled.id, {
      to: 'cancelled',
    });
    expect(noReason.statusCode).toBe(400);
    const ok = await transition(cookies.coordinator, world.client.id, cancelled.id, {
      to: 'cancelled',
      reason: 'Dubblett',
    });
    expect(ok.json().status).toBe('cancelled');

    const order = await dispatch();
    await transition(cookies.contractorAdmin, world.contractor.id, order.id, { to: 'accepted' });
    await transition(cookies.contractorAdmin, world.contractor.id, order.id, {
      to: 'done',
      actionDescription: 'Klart',
    });
    const reopened = await transition(cookies.coordinator, world.client.id, order.id, {
      to: 'accepted',
      reason: 'Läcker igen',
    });
    expect(reopened.json()).toMatchObject({ status: 'accepted', completedAt: null });
    await transition(cookies.contractorAdmin, world.contractor.id, order.id, {
      to: 'done',
      actionDescription: 'Klart nu',
    });
    const invoiced = await transition(cookies.coordinator, world.client.id, order.id, { to: 'invoiced' });
    expect(invoiced.json().status).toBe('invoiced');
    const viewer = await transition(cookies.viewer, world.client.id, order.id, {
      to: 'cancelled',
      reason: 'x',
    });
    expect(viewer.statusCode).toBe(409);
  });

  it('a malformed id is a clear 400 naming the field, not a server error', async () => {
    const res = await t.app.inject({
      url: `${contractorBase()}/not-a-uuid`,
      headers: { cookie: cookies.contractorAdmin },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('id');
  });
});
