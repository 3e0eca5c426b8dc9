import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { createOrderViaApi, login, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const clock = fixedClock('2026-02-02T09:00:00Z');
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<'coordinator' | 'manager' | 'other', string>;

async function relogin() {
  cookies.coordinator = await login(t.app, world.users.coordinator);
  cookies.manager = await login(t.app, world.users.manager);
  cookies.other = await login(t.app, world.users.otherAdmin);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await makeWorld(t.database.db);
  await relogin();
});
afterAll(() => t.close());

async function doneOrder(
  input: object,
  close: { faultType: string; rootCause: string; serialNumber?: string },
) {
  const order = await createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
    input,
  });
  const url = `/api/orgs/${world.contractor.id}/work-orders/${order.id}/transitions`;
  await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies.manager },
    payload: { to: 'accepted' },
  });
  const done = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies.manager },
    payload: { to: 'done', actionDescription: 'Åtgärdat', ...close },
  });
  expect(done.statusCode, done.body).toBe(200);
  return order;
}

/** Like doneOrder, with the completion at a given instant. */
async function doneOrderAt(input: object, completedAt: string) {
  const order = await createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
    input,
  });
  const url = `/api/orgs/${world.contractor.id}/work-orders/${order.id}/transitions`;
  await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies.manager },
    payload: { to: 'accepted' },
  });
  clock.set(completedAt);
  const done = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies.manager },
    payload: {
      to: 'done',
      actionDescription: 'Bytt platta',
      faultType: 'Slitage',
      rootCause: 'Ålder/slitage',
    },
  });
  expect(done.statusCode, done.body).toBe(200);
  return order;
}

describe('quality follow-up', () => {
  it('counts fault type × root cause per property for orders completed in the period', async () => {
    await doneOrder(
      { propertyName: 'Solna Rosenborg 3', objectType: '1 rum och kök' },
      { faultType: 'Slitage', rootCause: 'Ålder/slitage' },
    );
    await doneOrder(
      { propertyName: 'Solna Rosenborg 3' },
      { faultType: 'Slitage', rootCause: 'Ålder/slitage' },
    );
    await doneOrder(
      { propertyName: 'Farsta Fagersjö 2' },
      { faultType: 'Skadegörelse', rootCause: 'Yttre påverkan' },
    );
    const res = await t.app.inject({
      url: `/api/orgs/${world.client.id}/quality?from=2026-02-01&to=2026-02-28`,
      headers: { cookie: cookies.coordinator },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      groupBy: 'property',
      total: 3,
      rows: [
        { group: 'Farsta Fagersjö 2', faultType: 'Skadegörelse', rootCause: 'Yttre påverkan', count: 1 },
        { group: 'Solna Rosenborg 3', faultType: 'Slitage', rootCause: 'Ålder/slitage', count: 2 },
      ],
    });
    const before = await t.app.inject({
      url: `/api/orgs/${world.client.id}/quality?from=2026-01-01&to=2026-01-31&groupBy=objectType`,
      headers: { cookie: cookies.coordinator },
    });
    expect(before.json().total).toBe(0);
    const csv = await t.app.inject({
      url: `/api/orgs/${world.client.id}/quality/export.csv?from=2026-02-01&to=2026-02-28`,
      headers: { cookie: cookies.coordinator },
    });
    expect(csv.body).toContain(
      'Fastighet;Feltyp;Rotorsak;Antal\r\nFarsta Fagersjö 2;Skadegörelse;Yttre påverkan;1',
    );
  });

  it('finds a repeat fault: the same serial number back within 90 days, and not after', async () => {
    await doneOrder(
      { propertyName: 'Stockholm Tallkrogen 3', unit: 'Diskmaskin' },
      { faultType: 'Materialfel', rootCause: 'Materialfel', serialNumber: 'SN-4711' },
    );
    clock.advance(30 * 24 * 3600_000);
    await relogin();
    const again = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: { propertyName: 'Stockholm Tallkrogen 3', unit: 'Diskmaskin', serialNumber: 'SN-4711' },
    });
    clock.advance(100 * 24 * 3600_000);
    await relogin();
    await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: { serialNumber: 'SN-4711', description: 'Långt senare' },
    });
    const res = await t.app.inject({
      url: `/api/orgs/${world.client.id}/quality/repeats?from=2026-01-01&to=2026-12-31`,
      headers: { cookie: cookies.coordinator },
    });
    expect(res.json().items).toEqual([
      expect.objectContaining({
        later: expect.objectContaining({ id: again.id }),
        matchedOn: 'serialNumber',
        serialNumber: 'SN-4711',
        daysBetween: 30,
      }),
    ]);
  });

  it('finds the same unit of the register back, counting days in Stockholm, and groups by unit type', async () => {
    const admin = await login(t.app, world.users.clientAdmin);
    const post = async (path: string, payload: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${world.client.id}${path}`,
        headers: { cookie: admin },
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const property = await post('/properties', { designation: 'Uppsala Kvarngärdet 12:4' });
    const object = await post('/objects', {
      propertyId: property.id,
      number: '81000001',
      street: 'Kvarngärdesgatan 8',
    });
    const withRoom = await post(`/objects/${object.id}/rooms`, { name: 'Kök', code: '010101' });
    const room = withRoom.rooms[0];
    const withUnit = await post(`/rooms/${room.id}/units`, { name: 'Spis', unitType: 'Vitvara' });
    const unit = withUnit.rooms[0].units[0];
    const onUnit = {
      objectId: object.id,
      roomId: room.id,
      unitId: unit.id,
      propertyName: undefined,
      street: undefined,
      objectNumber: undefined,
      room: undefined,
      unit: undefined,
    };
    // Completed at 23:30 on 10 September in Stockholm (21:30 UTC) …
    clock.set('2026-09-10T21:00:00Z');
    await relogin();
    const first = await doneOrderAt(onUnit, '2026-09-10T21:30:00Z');
    // … and back at 00:30 on 12 September in Stockholm (22:30 UTC on the 11th): two days later there.
    clock.set('2026-09-11T22:30:00Z');
    await relogin();
    const again = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: { ...onUnit, description: 'Plattan blir inte varm igen' },
    });
    const res = await t.app.inject({
      url: `/api/orgs/${world.client.id}/quality/repeats?from=2026-09-01&to=2026-09-30`,
      headers: { cookie: cookies.coordinator },
    });
    expect(res.json().items).toEqual([
      expect.objectContaining({
        earlier: expect.objectContaining({ id: first.id }),
        later: expect.objectContaining({ id: again.id }),
        matchedOn: 'unit',
        propertyName: 'Uppsala Kvarngärdet 12:4',
        objectNumber: '81000001',
        unit: 'Spis',
        daysBetween: 2,
      }),
    ]);
    const byUnitType = await t.app.inject({
      url: `/api/orgs/${world.client.id}/quality?from=2026-09-01&to=2026-09-30&groupBy=unitType`,
      headers: { cookie: cookies.coordinator },
    });
    expect(byUnitType.json()).toEqual({
      groupBy: 'unitType',
      total: 1,
      rows: [{ group: 'Vitvara', faultType: 'Slitage', rootCause: 'Ålder/slitage', count: 1 }],
    });
  });

  it('is the client’s: contractors get 403, bad periods 400', async () => {
    const contractor = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/quality?from=2026-01-01&to=2026-12-31`,
      headers: { cookie: cookies.manager },
    });
    expect(contractor.statusCode).toBe(403);
    const reversed = await t.app.inject({
      url: `/api/orgs/${world.client.id}/quality?from=2026-12-31&to=2026-01-01`,
      headers: { cookie: cookies.coordinator },
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('to');
  });
});
