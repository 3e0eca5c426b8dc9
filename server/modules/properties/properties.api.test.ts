import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterObject } from '../../../contract/properties.ts';
import {
  createOrderViaApi,
  login,
  makeOrg,
  makeUser,
  makeWorld,
  orderInput,
} from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { properties, registerObjects, tenants, units } from './properties.table.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<'admin' | 'coordinator' | 'contractor' | 'otherClient', string>;
let otherClientId: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  const otherClient = await makeOrg(t.database.db, 'client');
  otherClientId = otherClient.id;
  cookies.admin = await login(t.app, world.users.clientAdmin);
  cookies.coordinator = await login(t.app, world.users.coordinator);
  cookies.contractor = await login(t.app, world.users.contractorAdmin);
  cookies.otherClient = await login(t.app, await makeUser(t.database.db, otherClient, 'admin'));
});
afterAll(() => t.close());

const base = () => `/api/orgs/${world.client.id}`;

function importCsv(register: string, body: string | Buffer, cookie = cookies.admin) {
  return t.app.inject({
    method: 'POST',
    url: `${base()}/${register}/import`,
    headers: { cookie, 'content-type': 'text/csv' },
    payload: body,
  });
}

/** Encodes text the way Excel on Swedish Windows saves "CSV (semikolonavgränsad)". */
function windows1252(text: string): Buffer {
  const bytes = [...text].map((ch) => {
    const map: Record<string, number> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9 };
    return map[ch] ?? ch.charCodeAt(0);
  });
  return Buffer.from(bytes);
}

describe('importing the register from CSV', () => {
  it('reads properties, objects, rooms, units and tenants, in UTF-8 and in Excel’s Windows-1252 with ;', async () => {
    const props = await importCsv(
      'properties',
      '\uFEFFFastighet;Företag;Adminområde;Gatuadress;Postnr;Ort\r\nSolna Rosenborg 3;Brf Vågen;2;Rosenborgsgatan 12;16974;Solna\r\nStockholm Tallkrogen 3;Exempelbostäder AB;1;Torögatan 51;122 65;Enskede\r\n',
    );
    expect(props.statusCode, props.body).toBe(200);
    expect(props.json()).toEqual({ register: 'properties', created: 2, updated: 0 });

    const objects = await importCsv(
      'objects',
      windows1252(
        'Objektnummer;Fastighet;Objekttyp;Våning;Gatuadress;Postnr;Ort;Nyckelinformation;Inpassering\r\n64010765;Stockholm Tallkrogen 3;3 rum och kök;0 av 2 (ej hiss);Torögatan 51;12265;Enskede;Nyckel i fastighetsboxen;nej\r\n52003411;solna rosenborg 3;1 rum och kök;4 av 6 (hiss);Rosenborgsgatan 12;169 74;Solna;;ja\r\n',
      ),
    );
    expect(objects.statusCode, objects.body).toBe(200);
    expect(objects.json().created).toBe(2);

    const units = await importCsv(
      'units',
      'Objektnummer,Utrymme,Kod,Enhet,Anläggningstyp,Vitvara,Egenskaper,Serienummer,Installerad\n64010765,Kök,076506,Diskbänk,Sanitet,nej,,,2010-09-16\n64010765,Kök,076506,Diskmaskin,Vitvara,ja,Electrolux ESF5545LOX,91155123,2014-05-12\n',
    );
    expect(units.statusCode, units.body).toBe(200);
    expect(units.json().created).toBe(2);

    const tenantsRes = await importCsv(
      'tenants',
      'Objektnummer;Namn;Telefon bostad;Telefon arbete;Telefon övrig/SMS;Föredragen telefon;E-post;Inflyttning\n64010765;Test Testsson;0799999999;;0788888888;bostad;test@example.com;2009-08-27\n',
    );
    expect(tenantsRes.statusCode, tenantsRes.body).toBe(200);

    const list = await t.app.inject({
      url: `${base()}/objects?q=Tallkrogen`,
      headers: { cookie: cookies.coordinator },
    });
    const [summary] = list.json().items;
    const object = (
      await t.app.inject({ url: `${base()}/objects/${summary.id}`, headers: { cookie: cookies.coordinator } })
    ).json() as RegisterObject;
    expect(object).toMatchObject({
      number: '64010765',
      type: '3 rum och kök',
      floor: '0 av 2 (ej hiss)',
      postalCode: '122 65',
      keyInfo: 'Nyckel i fastighetsboxen',
      entryWithoutTenant: false,
      propertyDesignation: 'Stockholm Tallkrogen 3',
      rooms: [
        {
          name: 'Kök',
          code: '076506',
          units: [{ name: 'Diskbänk' }, { name: 'Diskmaskin', isAppliance: true }],
        },
      ],
      tenants: [
        { name: 'Test Testsson', phoneHome: '0799999999', preferredPhone: 'home', moveInOn: '2009-08-27' },
      ],
    });
  });

  it('imports nothing when one row in the middle is bad, and names each bad row and column', async () => {
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(properties);
    const res = await importCsv(
      'properties',
      'Fastighet;Postnr\nFarsta Fagersjö 2;12352\n;12345\nHammarby 1:7;12 345\nFarsta Fagersjö 2;12352\n',
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'register.import_invalid' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'rows.3.Fastighet',
      'rows.4.Postnr',
    ]);
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(properties);
    expect(after[0]!.n).toBe(before[0]!.n);

    const duplicate = await importCsv('properties', 'Fastighet\nFarsta Fagersjö 2\nfarsta fagersjö 2\n');
    expect(duplicate.json().errors).toEqual([
      expect.objectContaining({ field: 'rows.3.Fastighet', code: 'duplicate' }),
    ]);
  });

  it('refuses a day that is not in the calendar, naming its row and column, and writes none of the file', async () => {
    const res = await importCsv(
      'units',
      'Objektnummer;Utrymme;Enhet;Installerad;Utfört underhåll\n64010765;Hall;Hatthylla;2020-01-01;\n64010765;Hall;Spegel;2024-02-30;2024-13-01\n',
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'rows.3.Installerad',
      'rows.3.Utfört underhåll',
    ]);
    expect(await t.database.db.select().from(units).where(eq(units.name, 'Hatthylla'))).toHaveLength(0);
  });

  it('says a spreadsheet saved as .xlsx is not a CSV file, instead of reading its bytes', async () => {
    // An .xlsx file is a zip archive: "PK", version bytes and zeros.
    const xlsx = Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000'), Buffer.alloc(64)]);
    const res = await importCsv('properties', xlsx);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'not_csv', message: expect.stringMatching(/CSV/) }),
    ]);
  });

  it('refuses rows that name an object or property not in the register, writing nothing', async () => {
    const res = await importCsv(
      'tenants',
      'Objektnummer;Namn\n64010765;Ny Hyresgäst\n99999999;Okänd Person\n',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'rows.3.Objektnummer', code: 'unknown_reference' }),
    ]);
    const named = await t.database.db.select().from(tenants).where(eq(tenants.name, 'Ny Hyresgäst'));
    expect(named).toHaveLength(0);
    const missingColumn = await importCsv('objects', 'Objektnummer;Gatuadress\n1;Gatan 1\n');
    expect(missingColumn.json().errors).toEqual([
      expect.objectContaining({ field: 'header.Fastighet', code: 'missing_column' }),
    ]);
  });

  it('updates rows it already has, matched on their key, leaving the columns the file does not have as they are', async () => {
    const res = await importCsv('properties', 'Fastighet;Företag\nsolna rosenborg 3;Brf Vågen 2\n');
    expect(res.json()).toEqual({ register: 'properties', created: 0, updated: 1 });
    const [solna] = await t.database.db
      .select()
      .from(properties)
      .where(sql`lower(${properties.designation}) = 'solna rosenborg 3'`);
    expect(solna).toMatchObject({
      ownerName: 'Brf Vågen 2',
      adminArea: '2',
      street: 'Rosenborgsgatan 12',
      postalCode: '169 74',
      city: 'Solna',
    });
    // An empty cell in a column the file has clears that field.
    await importCsv('units', 'Objektnummer;Utrymme;Kod;Enhet;Serienummer\n64010765;Kök;076506;Diskmaskin;\n');
    const [dishwasher] = await t.database.db.select().from(units).where(eq(units.name, 'Diskmaskin'));
    expect(dishwasher).toMatchObject({
      serialNumber: null,
      model: 'Electrolux ESF5545LOX',
      isAppliance: true,
    });
    await importCsv(
      'units',
      'Objektnummer;Utrymme;Kod;Enhet;Serienummer\n64010765;Kök;076506;Diskmaskin;91155123\n',
    );
  });

  it('exports each register in the columns it imports, so a round trip changes nothing', async () => {
    for (const register of ['properties', 'objects', 'rooms', 'units', 'tenants']) {
      const exported = await t.app.inject({
        url: `${base()}/${register}/export.csv`,
        headers: { cookie: cookies.coordinator },
      });
      expect(exported.statusCode, register).toBe(200);
      expect(exported.body.startsWith('\uFEFF')).toBe(true);
      const back = await importCsv(register, exported.body);
      expect(back.statusCode, `${register}: ${back.body}`).toBe(200);
      expect(back.json().created, register).toBe(0);
    }
  });

  it('finds units by serial number or model, and tenants by name or phone digits, across the register', async () => {
    const get = (path: string, cookie = cookies.coordinator) =>
      t.app.inject({ url: `${base()}${path}`, headers: { cookie } });
    const bySerial = await get('/units?q=9115512');
    expect(bySerial.statusCode, bySerial.body).toBe(200);
    expect(bySerial.json()).toMatchObject({
      total: 1,
      items: [
        {
          name: 'Diskmaskin',
          serialNumber: '91155123',
          isAppliance: true,
          roomName: 'Kök',
          roomCode: '076506',
          objectNumber: '64010765',
          propertyDesignation: 'Stockholm Tallkrogen 3',
        },
      ],
    });
    expect((await get('/units?q=electrolux')).json().total).toBe(1);
    const inObject = (await get(`/units?objectId=${bySerial.json().items[0].objectId}`)).json();
    expect(inObject.items.map((u: { name: string }) => u.name)).toEqual(['Diskbänk', 'Diskmaskin']);

    // Digits are compared whatever the spacing: 079-999 99 99 finds 0799999999.
    const byPhone = (await get('/tenants?q=079-999 99')).json();
    expect(byPhone).toMatchObject({
      total: 1,
      items: [{ name: 'Test Testsson', phoneHome: '0799999999', objectNumber: '64010765' }],
    });
    expect((await get('/tenants?q=testsson')).json().total).toBe(1);
    expect((await get('/tenants?q=%25')).json().total).toBe(0);

    // Another client's register is not searched; a contractor cannot read it at all.
    const foreign = await t.app.inject({
      url: `/api/orgs/${otherClientId}/units?q=91155123`,
      headers: { cookie: cookies.otherClient },
    });
    expect(foreign.json()).toEqual({ items: [], total: 0 });
    const contractor = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/tenants`,
      headers: { cookie: cookies.contractor },
    });
    expect(contractor.statusCode).toBe(403);
    expect((await get('/units?objectId=x')).json().errors[0].field).toBe('objectId');
  });

  it('is for the client’s administrators: coordinators read, contractors get 403, another client sees nothing', async () => {
    expect((await importCsv('properties', 'Fastighet\nX 1\n', cookies.coordinator)).statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          url: `/api/orgs/${world.contractor.id}/objects`,
          headers: { cookie: cookies.contractor },
        })
      ).statusCode,
    ).toBe(403);
    const [object] = await t.database.db
      .select()
      .from(registerObjects)
      .where(eq(registerObjects.clientOrgId, world.client.id));
    const foreign = await t.app.inject({
      url: `/api/orgs/${otherClientId}/objects/${object!.id}`,
      headers: { cookie: cookies.otherClient },
    });
    expect(foreign.statusCode).toBe(404);
    const list = await t.app.inject({
      url: `/api/orgs/${otherClientId}/objects`,
      headers: { cookie: cookies.otherClient },
    });
    expect(list.json()).toEqual({ items: [], total: 0 });
  });

  it('refuses a file that is not CSV', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${base()}/properties/import`,
      headers: { cookie: cookies.admin, 'content-type': 'application/json' },
      payload: { designation: 'x' },
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('editing the register', () => {
  it('adds and changes a property and an object with If-Match, and refuses a duplicate number', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `${base()}/properties`,
      headers: { cookie: cookies.admin },
      payload: { designation: 'Uppsala Kvarngärdet 12:4', ownerName: 'Brf Kvarnen' },
    });
    expect(created.statusCode).toBe(201);
    const property = created.json();
    const object = await t.app.inject({
      method: 'POST',
      url: `${base()}/objects`,
      headers: { cookie: cookies.admin },
      payload: {
        propertyId: property.id,
        number: '80450012',
        street: 'Kvarngärdesgatan 18',
        city: 'Uppsala',
      },
    });
    expect(object.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: `${base()}/objects`,
      headers: { cookie: cookies.admin },
      payload: { propertyId: property.id, number: '80450012', street: 'Kvarngärdesgatan 18' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('number');

    const noMatch = await t.app.inject({
      method: 'PUT',
      url: `${base()}/properties/${property.id}`,
      headers: { cookie: cookies.admin },
      payload: { designation: 'Uppsala Kvarngärdet 12:4', ownerName: 'Brf Kvarnen 2' },
    });
    expect(noMatch.statusCode).toBe(428);
    const changed = await t.app.inject({
      method: 'PUT',
      url: `${base()}/properties/${property.id}`,
      headers: { cookie: cookies.admin, 'if-match': `"${property.version}"` },
      payload: { designation: 'Uppsala Kvarngärdet 12:4', ownerName: 'Brf Kvarnen 2' },
    });
    expect(changed.json()).toMatchObject({
      ownerName: 'Brf Kvarnen 2',
      version: property.version + 1,
      objectCount: 1,
    });

    const room = await t.app.inject({
      method: 'POST',
      url: `${base()}/objects/${object.json().id}/rooms`,
      headers: { cookie: cookies.admin },
      payload: { name: 'Våtrum' },
    });
    expect(room.statusCode).toBe(201);
    const roomId = room.json().rooms[0].id;
    const unit = await t.app.inject({
      method: 'POST',
      url: `${base()}/rooms/${roomId}/units`,
      headers: { cookie: cookies.admin },
      payload: { name: 'Tvättmaskin', isAppliance: true },
    });
    expect(unit.json().rooms[0].units[0]).toMatchObject({ name: 'Tvättmaskin', isAppliance: true });
    const tenant = await t.app.inject({
      method: 'POST',
      url: `${base()}/objects/${object.json().id}/tenants`,
      headers: { cookie: cookies.admin },
      payload: { name: 'Karin Sjöberg', phoneOther: '070-174 06 18', preferredPhone: 'home' },
    });
    expect(tenant.statusCode).toBe(400);
    expect(tenant.json().errors[0].field).toBe('preferredPhone');
  });
});

describe('an order made from the register', () => {
  it('is filled from the object, room, unit and tenant, and keeps that snapshot when the register changes', async () => {
    const list = await t.app.inject({
      url: `${base()}/objects?q=64010765`,
      headers: { cookie: cookies.coordinator },
    });
    const object = (
      await t.app.inject({
        url: `${base()}/objects/${list.json().items[0].id}`,
        headers: { cookie: cookies.coordinator },
      })
    ).json() as RegisterObject;
    const room = object.rooms[0]!;
    const unit = room.units.find((u) => u.name === 'Diskmaskin')!;
    const order = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: {
        objectId: object.id,
        roomId: room.id,
        unitId: unit.id,
        propertyName: undefined,
        ownerName: undefined,
        street: undefined,
        postalCode: undefined,
        city: undefined,
        objectNumber: undefined,
        room: undefined,
        unit: undefined,
        reporter: undefined,
        description: 'Diskmaskinen pumpar inte ut vattnet',
      },
    });
    expect(order).toMatchObject({
      propertyName: 'Stockholm Tallkrogen 3',
      street: 'Torögatan 51',
      postalCode: '122 65',
      objectNumber: '64010765',
      objectType: '3 rum och kök',
      floor: '0 av 2 (ej hiss)',
      room: 'Kök (076506)',
      unit: 'Diskmaskin',
      unitIsAppliance: true,
      model: 'Electrolux ESF5545LOX',
      serialNumber: '91155123',
      keyInfo: 'Nyckel i fastighetsboxen',
      reporter: {
        name: 'Test Testsson',
        phones: [
          { kind: 'home', number: '0799999999', preferred: true },
          { kind: 'other', number: '0788888888', preferred: false },
        ],
        email: 'test@example.com',
        moveInOn: '2009-08-27',
      },
      closeOut: { requireModelAndSerial: true },
    });

    // The tenant changes number: the order the contractor was sent does not.
    await t.database.db
      .update(tenants)
      .set({ phoneHome: '0711111111' })
      .where(eq(tenants.name, 'Test Testsson'));
    const page = await t.app.inject({
      url: `${base()}/work-orders/${order.id}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(page.json().reporter.phones[0].number).toBe('0799999999');
  });

  it('lists the orders of one property with propertyId, and nothing for another client’s property', async () => {
    const [object] = await t.database.db
      .select()
      .from(registerObjects)
      .where(eq(registerObjects.clientOrgId, world.client.id));
    const order = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: {
        objectId: object!.id,
        propertyName: undefined,
        ownerName: undefined,
        street: undefined,
        postalCode: undefined,
        city: undefined,
        objectNumber: undefined,
        room: undefined,
        unit: undefined,
        reporter: { name: 'Anna Berg', phones: [{ kind: 'home', number: '0701234567', preferred: true }] },
        description: 'Ventilationen susar',
      },
    });
    const elsewhere = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: { description: 'Utan fastighet i registret' },
    });
    const list = (cookie: string, orgId: string, propertyId: string) =>
      t.app.inject({
        url: `/api/orgs/${orgId}/work-orders?view=all&propertyId=${propertyId}`,
        headers: { cookie },
      });

    const mine = await list(cookies.coordinator, world.client.id, object!.propertyId);
    expect(mine.statusCode).toBe(200);
    const ids = mine.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(order.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(mine.json().total).toBe(ids.length);

    // The contractor filters the same way, on the orders it can see.
    const contractor = await list(cookies.contractor, world.contractor.id, object!.propertyId);
    expect(contractor.json().items.map((i: { id: string }) => i.id)).toContain(order.id);

    // Another client naming this property sees none of its orders (security.md 15).
    const foreign = await list(cookies.otherClient, otherClientId, object!.propertyId);
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toMatchObject({ items: [], total: 0 });

    // Översikt narrows the same way.
    const dashboard = await t.app.inject({
      url: `${base()}/work-orders/dashboard?propertyId=${object!.propertyId}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(dashboard.json().all.totals.total).toBe(ids.length);

    // The CSV export follows the filter.
    const csv = await t.app.inject({
      url: `${base()}/work-orders/export.csv?view=all&propertyId=${object!.propertyId}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Ventilationen susar');
    expect(csv.body).not.toContain('Utan fastighet i registret');

    const bad = await list(cookies.coordinator, world.client.id, 'not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('propertyId');
  });

  it('takes a property alone for its common areas: name, owner and address from the register, and listed under the property', async () => {
    const [property] = await t.database.db
      .select()
      .from(properties)
      .where(
        and(
          eq(properties.clientOrgId, world.client.id),
          sql`lower(${properties.designation}) = 'solna rosenborg 3'`,
        ),
      );
    const order = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: {
        propertyId: property!.id,
        propertyName: undefined,
        ownerName: undefined,
        street: undefined,
        postalCode: undefined,
        city: undefined,
        objectNumber: undefined,
        room: 'Tvättstuga',
        unit: undefined,
        reporter: { name: 'Brf Vågens styrelse', phones: [{ kind: 'work', number: '08-465 004 10' }] },
        description: 'Torktumlaren i tvättstugan startar inte',
      },
    });
    expect(order).toMatchObject({
      propertyName: 'solna rosenborg 3',
      ownerName: 'Brf Vågen 2',
      street: 'Rosenborgsgatan 12',
      postalCode: '169 74',
      city: 'Solna',
      objectNumber: null,
      room: 'Tvättstuga',
    });
    const listed = await t.app.inject({
      url: `${base()}/work-orders?view=all&propertyId=${property!.id}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(order.id);

    // An object of another property, or a property of another client, is named as the fault.
    const [elsewhere] = await t.database.db
      .select()
      .from(registerObjects)
      .where(
        and(eq(registerObjects.clientOrgId, world.client.id), ne(registerObjects.propertyId, property!.id)),
      );
    const mismatch = await t.app.inject({
      method: 'POST',
      url: `${base()}/work-orders`,
      headers: { cookie: cookies.coordinator },
      payload: { ...orderInput(), propertyId: property!.id, objectId: elsewhere!.id, dispatch: false },
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0]).toMatchObject({ field: 'objectId', code: 'unknown_reference' });
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${otherClientId}/work-orders`,
      headers: { cookie: cookies.otherClient },
      payload: { ...orderInput(), propertyId: property!.id, dispatch: false },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'propertyId', code: 'unknown_reference' });
  });

  it('refuses an object of another client, and a unit of another room, naming the field', async () => {
    const [mine] = await t.database.db
      .select()
      .from(registerObjects)
      .where(eq(registerObjects.clientOrgId, world.client.id));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${otherClientId}/work-orders`,
      headers: { cookie: cookies.otherClient },
      payload: {
        type: 'fault',
        priority: 'normal',
        description: 'x',
        objectId: mine!.id,
        dispatch: false,
        reporter: { name: 'A', phones: [{ kind: 'home', number: '0700000000' }] },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('objectId');
  });

  it('needs a place and a reporter when no object is chosen', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${base()}/work-orders`,
      headers: { cookie: cookies.coordinator },
      payload: { type: 'fault', priority: 'normal', description: 'x', dispatch: false },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'propertyName',
      'street',
      'reporter',
    ]);
  });
});
