import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPhrases } from '../../../contract/agreements.values.ts';
import type { WorkOrder } from '../../../contract/work-orders.ts';
import { createOrderViaApi, login, makeWorld, orderInput } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { workOrderEvents, workOrders } from './work-orders.table.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<keyof Awaited<ReturnType<typeof makeWorld>>['users'], string>;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  for (const [name, user] of Object.entries(world.users))
    cookies[name as keyof typeof cookies] = await login(t.app, user);
});
afterAll(() => t.close());

const url = (id: string, org = world.contractor.id) => `/api/orgs/${org}/work-orders/${id}`;

function dispatch(input: Parameters<typeof createOrderViaApi>[1]['input'] = {}) {
  return createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
    input,
  });
}

function patch(id: string, body: object, cookie: string, version?: number) {
  return t.app.inject({
    method: 'PATCH',
    url: url(id),
    headers: { cookie, ...(version !== undefined ? { 'if-match': `"${version}"` } : {}) },
    payload: body,
  });
}

function transition(id: string, body: object, cookie = cookies.manager) {
  return t.app.inject({ method: 'POST', url: `${url(id)}/transitions`, headers: { cookie }, payload: body });
}

async function eventsOf(id: string) {
  return t.database.db.select().from(workOrderEvents).where(eq(workOrderEvents.workOrderId, id));
}

describe('editing the contractor’s fields', () => {
  it('assigns a technician, books a time and plans a date, logging each change with who made it', async () => {
    const order = await dispatch();
    const res = await patch(
      order.id,
      {
        contractorContactId: world.users.technician.id,
        bookedAt: '2026-10-30T12:53:00.000Z',
        plannedAt: '2026-10-30',
      },
      cookies.manager,
      order.version,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      contractorContact: { id: world.users.technician.id },
      bookedAt: '2026-10-30T12:53:00.000Z',
      plannedAt: '2026-10-30',
      version: order.version + 1,
    });
    expect(res.headers.etag).toBe(`"${order.version + 1}"`);
    const updated = (await eventsOf(order.id)).find((e) => e.type === 'updated')!;
    expect(updated).toMatchObject({ actorUserId: world.users.manager.id, actorOrgId: world.contractor.id });
    expect(updated.data).toEqual({
      changes: {
        contractorContactId: {
          from: null,
          to: world.users.technician.id,
          fromName: null,
          toName: expect.stringContaining('Test technician'),
        },
        bookedAt: { from: null, to: '2026-10-30T12:53:00.000Z' },
        plannedAt: { from: null, to: '2026-10-30' },
      },
    });
    // The technician now sees it.
    const asTech = await t.app.inject({ url: url(order.id), headers: { cookie: cookies.technician } });
    expect(asTech.statusCode).toBe(200);
  });

  it('needs If-Match: 428 without, 412 when stale, and nothing is written either way', async () => {
    const order = await dispatch();
    const missing = await patch(order.id, { plannedAt: '2026-11-02' }, cookies.manager);
    expect(missing.statusCode).toBe(428);
    const stale = await patch(order.id, { plannedAt: '2026-11-02' }, cookies.manager, order.version + 1);
    expect(stale.statusCode).toBe(412);
    const [row] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, order.id));
    expect(row).toMatchObject({ plannedAt: null, version: order.version });
    expect((await eventsOf(order.id)).map((e) => e.type)).toEqual(['created']);
  });

  it('lets the technician book a time on their own order but not reassign it', async () => {
    const order = await dispatch();
    const assigned = await patch(
      order.id,
      { contractorContactId: world.users.technician.id },
      cookies.manager,
      order.version,
    );
    const version = assigned.json().version;
    const booked = await patch(
      order.id,
      { bookedAt: '2026-11-03T07:00:00.000Z' },
      cookies.technician,
      version,
    );
    expect(booked.statusCode).toBe(200);
    const reassign = await patch(
      order.id,
      { contractorContactId: world.users.otherTechnician.id },
      cookies.technician,
      booked.json().version,
    );
    expect(reassign.statusCode).toBe(403);
  });

  it('refuses a contact who is not in the company, or a support user, naming the field', async () => {
    const order = await dispatch();
    for (const userId of [
      world.users.otherAdmin.id,
      world.users.contractorSupport.id,
      world.users.coordinator.id,
    ]) {
      const res = await patch(order.id, { contractorContactId: userId }, cookies.manager, order.version);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('contractorContactId');
    }
  });

  it('refuses fields that are not the contractor’s to edit, and client edits', async () => {
    const order = await dispatch();
    const status = await patch(order.id, { status: 'done' }, cookies.manager, order.version);
    expect(status.statusCode).toBe(400);
    expect(status.json().errors[0].field).toBe('status');
    const empty = await patch(order.id, {}, cookies.manager, order.version);
    expect(empty.statusCode).toBe(400);
    const byClient = await t.app.inject({
      method: 'PATCH',
      url: url(order.id, world.client.id),
      headers: { cookie: cookies.coordinator, 'if-match': `"${order.version}"` },
      payload: { plannedAt: '2026-12-01' },
    });
    expect(byClient.statusCode).toBe(403);
  });

  it('refuses edits of a closed order (409)', async () => {
    const order = await dispatch();
    await transition(order.id, { to: 'declined', reason: 'Ingen kapacitet' });
    const [row] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, order.id));
    const res = await patch(order.id, { plannedAt: '2026-12-01' }, cookies.manager, row!.version);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('work_orders.closed');
  });

  it('writes no event when nothing actually changes', async () => {
    const order = await dispatch();
    const first = await patch(order.id, { plannedAt: '2026-12-01' }, cookies.manager, order.version);
    const again = await patch(order.id, { plannedAt: '2026-12-01' }, cookies.manager, first.json().version);
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(first.json().version);
    expect((await eventsOf(order.id)).filter((e) => e.type === 'updated')).toHaveLength(1);
  });
});

describe('completing an order', () => {
  async function setTerms(terms: Partial<typeof agreements.$inferInsert>) {
    await t.database.db
      .update(agreements)
      .set(terms)
      .where(
        and(eq(agreements.clientOrgId, world.client.id), eq(agreements.contractorOrgId, world.contractor.id)),
      );
  }

  it('offers the client’s close-out lists and requirements on the order', async () => {
    await setTerms({
      requireFaultType: true,
      requireRootCause: true,
      faultTypes: ['Slitage', 'Skadegörelse'],
    });
    const order = await dispatch({ unitIsAppliance: true, unit: 'Diskmaskin' });
    expect(order.closeOut).toEqual({
      faultTypes: ['Slitage', 'Skadegörelse'],
      rootCauses: [
        'Ålder/slitage',
        'Brukarfel',
        'Utförandefel',
        'Materialfel',
        'Konstruktionsfel',
        'Yttre påverkan',
        'Okänd',
      ],
      requireFaultType: true,
      requireRootCause: true,
      requireModelAndSerial: true,
    });
    await setTerms({ requireFaultType: false, requireRootCause: false, faultTypes: undefined });
  });

  it('offers the client’s ready phrases for notes on the order, to a technician too', async () => {
    const order = await dispatch();
    expect(order.phrases).toContain('Hyresgäst är kontaktad');
    await setTerms({ phrases: ['Tid är bokad med kund', 'Nyckel hämtad'] });
    const assigned = await patch(
      order.id,
      { contractorContactId: world.users.technician.id },
      cookies.manager,
      order.version,
    );
    expect(assigned.statusCode).toBe(200);
    const seen = await t.app.inject({ url: url(order.id), headers: { cookie: cookies.technician } });
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as WorkOrder).phrases).toEqual(['Tid är bokad med kund', 'Nyckel hämtad']);
    await setTerms({ phrases: [...defaultPhrases] });
  });

  it('requires fault type and root cause where the client requires them, from its lists', async () => {
    await setTerms({ requireFaultType: true, requireRootCause: true });
    const order = await dispatch();
    await transition(order.id, { to: 'accepted' });
    const missing = await transition(order.id, { to: 'done', actionDescription: 'Bytt packning' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['faultType', 'rootCause']);
    const unknown = await transition(order.id, {
      to: 'done',
      actionDescription: 'Bytt packning',
      faultType: 'Hittepå',
      rootCause: 'Okänd',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['faultType']);
    const ok = await transition(order.id, {
      to: 'done',
      actionDescription: 'Bytt packning',
      faultType: 'Slitage',
      rootCause: 'Ålder/slitage',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().events[0]).toMatchObject({
      type: 'status_changed',
      toStatus: 'done',
      data: { actionDescription: 'Bytt packning', faultType: 'Slitage', rootCause: 'Ålder/slitage' },
    });
    await setTerms({ requireFaultType: false, requireRootCause: false });
  });

  it('requires model and serial number for an appliance', async () => {
    const order = await dispatch({ unit: 'Diskmaskin', unitIsAppliance: true });
    await transition(order.id, { to: 'accepted' });
    const missing = await transition(order.id, { to: 'done', actionDescription: 'Bytt pump' });
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['model', 'serialNumber']);
    const ok = await transition(order.id, {
      to: 'done',
      actionDescription: 'Bytt pump',
      model: 'Electrolux ESF5545LOX',
      serialNumber: '91155123',
    });
    expect(ok.json()).toMatchObject({
      status: 'done',
      model: 'Electrolux ESF5545LOX',
      serialNumber: '91155123',
    });
  });
});

describe('bundles', () => {
  it('gives orders on one object sent the same day one bundle, and accepts them in one go', async () => {
    const a = await dispatch({ objectNumber: '64019911', description: 'Blandaren' });
    const b = await dispatch({ objectNumber: '64019911', description: 'Diskbänken' });
    const other = await dispatch({ objectNumber: '64010799' });
    expect(a.bundleNumber).toMatch(/^64019911-\d{8}$/);
    expect(b.bundleNumber).toBe(a.bundleNumber);
    expect(other.bundleNumber).not.toBe(a.bundleNumber);
    const page = await t.app.inject({ url: url(a.id), headers: { cookie: cookies.manager } });
    expect((page.json() as WorkOrder).bundle?.orders.map((o) => o.id).sort()).toEqual([a.id, b.id].sort());

    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/bundles/${a.bundleNumber}/accept`,
      headers: { cookie: cookies.manager },
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .accepted.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    const list = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders?bundle=${a.bundleNumber}`,
      headers: { cookie: cookies.manager },
    });
    expect(list.json().items.every((i: { status: string }) => i.status === 'accepted')).toBe(true);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/bundles/${a.bundleNumber}/accept`,
      headers: { cookie: cookies.manager },
    });
    expect(again.statusCode).toBe(409);
  });

  it('is not found for a bundle of another company', async () => {
    const a = await dispatch({ objectNumber: '64010700' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.otherContractor.id}/work-orders/bundles/${a.bundleNumber}/accept`,
      headers: { cookie: cookies.otherAdmin },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('a contractor registering an order (Registrera arbetsorder)', () => {
  it('numbers it in the client’s series, marks it as the contractor’s, and the client sees it', async () => {
    const before = await dispatch();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders`,
      headers: { cookie: cookies.technician },
      payload: orderInput({
        clientOrgId: world.client.id,
        type: 'inspection',
        description: 'Upptäckt vid rondering',
      }),
    });
    expect(res.statusCode).toBe(201);
    const order = res.json() as WorkOrder;
    expect(order).toMatchObject({
      number: before.number + 1,
      status: 'accepted',
      registeredByContractor: true,
      client: { id: world.client.id },
      contractor: { id: world.contractor.id },
      contractorContact: { id: world.users.technician.id },
    });
    const asClient = await t.app.inject({
      url: url(order.id, world.client.id),
      headers: { cookie: cookies.coordinator },
    });
    expect(asClient.statusCode).toBe(200);
    expect(asClient.json().events[0]).toMatchObject({
      type: 'created',
      data: { registeredByContractor: true },
    });
  });

  it('on one of the client’s objects by its number alone: the place comes from the register, its keys and tenant do not', async () => {
    const base = `/api/orgs/${world.client.id}`;
    const property = await t.app.inject({
      method: 'POST',
      url: `${base}/properties`,
      headers: { cookie: cookies.clientAdmin },
      payload: { designation: 'Stockholm Fagersjö 2', ownerName: 'Brf Fagersjö' },
    });
    const object = await t.app.inject({
      method: 'POST',
      url: `${base}/objects`,
      headers: { cookie: cookies.clientAdmin },
      payload: {
        propertyId: property.json().id,
        number: '71230044',
        type: '2 rum och kök',
        floor: '3 av 4 (hiss)',
        street: 'Fagersjövägen 44',
        postalCode: '123 45',
        city: 'Farsta',
        keyInfo: 'Nyckel hos vicevärden',
        accessToApartment: 'Huvudnyckel',
      },
    });
    expect(object.statusCode).toBe(201);
    const { propertyName: _p, street: _s, postalCode: _c, city: _t, ownerName: _o, ...rest } = orderInput();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders`,
      headers: { cookie: cookies.manager },
      payload: {
        ...rest,
        clientOrgId: world.client.id,
        type: 'inspection',
        objectNumber: '71230044',
        description: 'Droppande ventil i undercentralen',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      propertyName: 'Stockholm Fagersjö 2',
      ownerName: 'Brf Fagersjö',
      street: 'Fagersjövägen 44',
      postalCode: '123 45',
      city: 'Farsta',
      objectNumber: '71230044',
      objectType: '2 rum och kök',
      floor: '3 av 4 (hiss)',
      keyInfo: null,
      accessToApartment: null,
      reporter: { name: rest.reporter!.name },
    });
    const [row] = await t.database.db.select().from(workOrders).where(eq(workOrders.id, res.json().id));
    expect(row!.objectId).toBe(object.json().id);
  });

  it('names the object number when the client has no such object and no address is given, writing nothing', async () => {
    const count = async () => (await t.database.db.select().from(workOrders)).length;
    const before = await count();
    const { propertyName: _p, street: _s, ...rest } = orderInput();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders`,
      headers: { cookie: cookies.manager, 'accept-language': 'sv' },
      payload: { ...rest, clientOrgId: world.client.id, objectNumber: '99999999' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: 'objectNumber',
        code: 'unknown_reference',
        message: 'Beställaren har inget objekt med det numret. Ange fastighet och gatuadress.',
      },
    ]);
    expect(await count()).toBe(before);
  });

  it('only for a client it has an agreement with, naming the field otherwise', async () => {
    const noClient = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders`,
      headers: { cookie: cookies.manager },
      payload: orderInput(),
    });
    expect(noClient.statusCode).toBe(400);
    expect(noClient.json().errors[0].field).toBe('clientOrgId');
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.otherContractor.id}/work-orders`,
      headers: { cookie: cookies.otherAdmin },
      payload: orderInput({ clientOrgId: world.client.id }),
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0]).toMatchObject({ field: 'clientOrgId', code: 'unknown_client' });
  });

  it('lists the clients to register for, each with how long its closed orders stay in the lists', async () => {
    await t.database.db
      .update(agreements)
      .set({ completedVisibleDays: 30 })
      .where(
        and(eq(agreements.clientOrgId, world.client.id), eq(agreements.contractorOrgId, world.contractor.id)),
      );
    const res = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/clients`,
      headers: { cookie: cookies.technician },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [{ id: world.client.id, name: world.client.name, completedVisibleDays: 30 }],
    });
    // The other contractor has no agreement with the client: nobody to register for.
    const other = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/clients`,
      headers: { cookie: cookies.otherAdmin },
    });
    expect(other.json()).toEqual({ items: [] });
    // A client has no clients.
    const asClient = await t.app.inject({
      url: `/api/orgs/${world.client.id}/clients`,
      headers: { cookie: cookies.coordinator },
    });
    expect(asClient.statusCode).toBe(403);
  });

  it('a client may not name a client in the body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/work-orders`,
      headers: { cookie: cookies.coordinator },
      payload: orderInput({ contractorOrgId: world.contractor.id, clientOrgId: world.client.id }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('clientOrgId');
  });
});

describe('what a technician is shown', () => {
  it('leaves out invoicing details', async () => {
    await t.database.db
      .update(agreements)
      .set({
        invoiceMarking: 'P.123456.1.2',
        projectNumber: 'P.123456',
        invoiceAddress: 'https://example.se/fakturering',
      })
      .where(
        and(eq(agreements.clientOrgId, world.client.id), eq(agreements.contractorOrgId, world.contractor.id)),
      );
    const order = await dispatch();
    await patch(order.id, { contractorContactId: world.users.technician.id }, cookies.manager, order.version);
    const asManager = (
      await t.app.inject({ url: url(order.id), headers: { cookie: cookies.manager } })
    ).json();
    expect(asManager.invoice).toEqual({
      reference: `AO${order.number}`,
      marking: 'P.123456.1.2',
      projectNumber: 'P.123456',
      address: 'https://example.se/fakturering',
    });
    const asTech = (
      await t.app.inject({ url: url(order.id), headers: { cookie: cookies.technician } })
    ).json();
    expect(asTech.invoice).toBeNull();
    expect(asTech.invoiceReference).toBeNull();
    const list = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders?limit=200`,
      headers: { cookie: cookies.technician },
    });
    expect(
      list.json().items.every((i: { invoiceReference: string | null }) => i.invoiceReference === null),
    ).toBe(true);
  });

  it('lists the company’s people for assigning, without support users', async () => {
    const res = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/members`,
      headers: { cookie: cookies.manager },
    });
    const ids = res.json().items.map((m: { userId: string }) => m.userId);
    expect(ids).toContain(world.users.technician.id);
    expect(ids).not.toContain(world.users.contractorSupport.id);
  });
});
