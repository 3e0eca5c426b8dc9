import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, WorkOrder, WorkOrderList } from '../../../contract/work-orders.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createOrderViaApi, login, makeOrg, makeUser, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { linkContractor } from '../agreements/agreements.repository.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { insertOrganization } from '../organizations/organizations.repository.ts';
import { updateWorkOrder } from './work-orders.repository.ts';

// Tuesday 3 March 2026, 09:00 in Stockholm.
const clock = fixedClock('2026-03-03T08:00:00Z');
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<'coordinator' | 'admin' | 'technician' | 'other', string>;

async function relogin() {
  cookies.coordinator = await login(t.app, world.users.coordinator);
  cookies.admin = await login(t.app, world.users.contractorAdmin);
  cookies.technician = await login(t.app, world.users.technician);
  cookies.other = await login(t.app, world.users.otherAdmin);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await makeWorld(t.database.db);
  await relogin();
});
afterAll(() => t.close());

const ids = (list: WorkOrderList) => list.items.map((i) => i.id);

const inbox = (query = '', cookie = cookies.admin) =>
  t.app
    .inject({ url: `/api/orgs/${world.contractor.id}/work-orders${query}`, headers: { cookie } })
    .then((r) => ({ status: r.statusCode, body: r.json() as WorkOrderList }));

function dispatch(input: Parameters<typeof createOrderViaApi>[1]['input'] = {}) {
  return createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
    input,
  });
}

function transition(id: string, body: object, cookie = cookies.admin) {
  return t.app.inject({
    method: 'POST',
    url: `/api/orgs/${world.contractor.id}/work-orders/${id}/transitions`,
    headers: { cookie },
    payload: body,
  });
}

describe('searching the inbox', () => {
  let mixer: WorkOrder;
  let drain: WorkOrder;

  beforeAll(async () => {
    mixer = await dispatch({
      description: 'Köksblandaren har dåligt tryck',
      phrase: 'Blandare dåligt tryck',
      street: 'Torögatan 51',
      propertyName: 'Stockholm Tallkrogen 3',
      ownerName: 'Brf Vågen',
      externalRef: '241129-146105-15',
      reporter: {
        name: 'Karin Sjöberg',
        phones: [{ kind: 'home', number: '070-174 06 18', preferred: true }],
      },
    });
    drain = await dispatch({
      description: 'Golvbrunnen svämmar över',
      phrase: 'Stopp i avlopp',
      street: 'Rosenborgsgatan 12',
      propertyName: 'Solna Rosenborg 3',
      objectNumber: '52003411',
      reporter: {
        name: 'Johan Ekström',
        phones: [{ kind: 'home', number: '070-174 06 23', preferred: true }],
      },
    });
  });

  it('finds "blandaren" in an order about a "blandare", by Swedish stems', async () => {
    const { body } = await inbox('?q=blandaren');
    expect(ids(body)).toContain(mixer.id);
    expect(ids(body)).not.toContain(drain.id);
  });

  it('finds by the start of a word, by address, property, owner and reporter', async () => {
    for (const q of ['golvbr', 'Rosenborgsgatan', 'Tallkrogen', 'Vågen', 'Sjöberg', 'torögatan 51']) {
      const { body } = await inbox(`?q=${encodeURIComponent(q)}`);
      expect(ids(body).length, q).toBeGreaterThan(0);
      expect(ids(body).includes(mixer.id) !== ids(body).includes(drain.id), q).toBe(true);
    }
  });

  it('finds by the start of the number, the external reference and the object number', async () => {
    expect(ids((await inbox(`?q=${drain.number}`)).body)).toContain(drain.id);
    expect(ids((await inbox('?q=241129-1461')).body)).toEqual([mixer.id]);
    expect(ids((await inbox('?q=5200341')).body)).toEqual([drain.id]);
  });

  it('treats query syntax as plain text', async () => {
    for (const q of ["blandare' or 1=1 --", '!&|():*', '   ']) {
      const res = await inbox(`?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    // LIKE's wildcards are plain characters too: "_41129" is not "241129…".
    expect(ids((await inbox('?q=_41129')).body)).not.toContain(mixer.id);
    expect(ids((await inbox(`?q=${encodeURIComponent('%1129')}`)).body)).not.toContain(mixer.id);
  });

  it('searches only the caller’s own orders', async () => {
    const res = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/work-orders?q=blandaren&view=all`,
      headers: { cookie: cookies.other },
    });
    expect(res.json()).toEqual({ items: [], total: 0 });
  });

  it('keeps to the company when another company’s id begins the same (the search index’s key)', async () => {
    // The index narrows a search by the first 8 hex digits of the company's id; the company
    // condition decides. A contractor whose id shares them must still see only its own orders.
    const twin = await insertOrganization(t.database.db, {
      id: `${world.contractor.id.slice(0, 8)}-0000-4000-8000-000000000000`,
      kind: 'contractor',
      name: 'Tvillingen VVS AB',
      createdAt: clock.now(),
    });
    await linkContractor(t.database.db, {
      clientOrgId: world.client.id,
      contractorOrgId: twin.id,
      createdAt: clock.now(),
    });
    const twins = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: twin.id,
      input: { description: 'Blandaren i tvättstugan droppar' },
    });
    const twinAdmin = await makeUser(t.database.db, twin, 'admin');
    const search = (orgId: string, cookie: string) =>
      t.app
        .inject({ url: `/api/orgs/${orgId}/work-orders?q=blandaren&view=all`, headers: { cookie } })
        .then((r) => ids(r.json() as WorkOrderList));

    expect(await search(world.contractor.id, cookies.admin)).not.toContain(twins.id);
    expect(await search(world.contractor.id, cookies.admin)).toContain(mixer.id);
    expect(await search(twin.id, await login(t.app, twinAdmin))).toEqual([twins.id]);
    // The client searches its own side of the index: both contractors' orders.
    const clients = await search(world.client.id, cookies.coordinator);
    expect(clients).toContain(twins.id);
    expect(clients).toContain(mixer.id);
  });
});

describe('sorting and filtering', () => {
  it('sorts on every column both ways without error, with the totals unchanged', async () => {
    const sorts = [
      'orderedAt',
      'number',
      'status',
      'priority',
      'type',
      'description',
      'propertyName',
      'ownerName',
      'street',
      'reporterName',
      'contractorContact',
      'client',
      'contractor',
      'contactBy',
      'deliverBy',
      'bookedAt',
      'plannedAt',
      'completedAt',
      'schedule',
    ];
    const { body: all } = await inbox('?view=all');
    for (const sort of sorts) {
      for (const order of ['asc', 'desc']) {
        const res = await inbox(`?view=all&sort=${sort}&order=${order}`);
        expect(res.status, sort).toBe(200);
        expect(res.body.total, sort).toBe(all.total);
      }
    }
    const byNumber = (await inbox('?view=all&sort=number&order=asc&limit=200')).body.items.map(
      (i) => i.number,
    );
    expect(byNumber).toEqual([...byNumber].sort((a, b) => a - b));
  });

  it('filters on several statuses and types at once, and on client (another company’s id gives nothing)', async () => {
    const order = await dispatch({ type: 'inspection' });
    await transition(order.id, { to: 'accepted' });
    const { body } = await inbox('?status=accepted&status=new&type=inspection');
    expect(body.items.every((i) => ['accepted', 'new'].includes(i.status) && i.type === 'inspection')).toBe(
      true,
    );
    expect(body.items.map((i) => i.id)).toContain(order.id);
    expect((await inbox(`?clientOrgId=${world.client.id}`)).body.total).toBeGreaterThan(0);
    expect((await inbox(`?clientOrgId=${world.otherContractor.id}`)).body).toEqual({ items: [], total: 0 });
  });

  it('gives each company and user its own page of the same list, though the list’s statement is built once', async () => {
    const ours = await dispatch({ description: 'Samma lista, olika företag' });
    const page = '?view=active&sort=orderedAt&order=desc&limit=5';
    const first = await inbox(page);
    expect(first.body.items.map((i) => i.id)).toContain(ours.id);
    // The same shape for another contractor, then a technician of ours, then us again.
    const theirs = await t.app
      .inject({
        url: `/api/orgs/${world.otherContractor.id}/work-orders${page}`,
        headers: { cookie: cookies.other },
      })
      .then((r) => r.json() as WorkOrderList);
    expect(theirs).toEqual({ items: [], total: 0 });
    const technicians = await inbox(page, cookies.technician);
    expect(technicians.body.items.map((i) => i.id)).not.toContain(ours.id);
    expect(await inbox(page)).toEqual(first);
    expect((await inbox(`${page}&offset=1`)).body.items[0]?.id).toBe(first.body.items[1]?.id);
  });
});

describe('SLA flags', () => {
  it('flags an order past contact-by with no booked time, and one past deliver-by that is not done', async () => {
    const late = await dispatch({ description: 'Sen kontakt' });
    await updateWorkOrder(t.database.db, late.id, { contactBy: '2026-03-02', deliverBy: '2026-03-02' });
    const onTime = await dispatch({ description: 'I tid' });
    await updateWorkOrder(t.database.db, onTime.id, { contactBy: '2026-03-03', deliverBy: '2026-03-20' });
    const { body } = await inbox('?limit=200');
    expect(body.items.find((i) => i.id === late.id)).toMatchObject({
      contactOverdue: true,
      deliveryOverdue: true,
    });
    expect(body.items.find((i) => i.id === onTime.id)).toMatchObject({
      contactOverdue: false,
      deliveryOverdue: false,
    });
    expect((await inbox('?overdue=contact')).body.items.map((i) => i.id)).toEqual([late.id]);

    // Booking a time with the reporter is the contact that was due.
    await updateWorkOrder(t.database.db, late.id, { bookedAt: new Date('2026-03-04T12:00:00Z') });
    const after = (await inbox('?limit=200')).body.items.find((i) => i.id === late.id);
    expect(after).toMatchObject({ contactOverdue: false, deliveryOverdue: true });
  });
});

describe('the dashboard', () => {
  it('counts per status × type with row and column totals, for the company and per client', async () => {
    const res = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/dashboard`,
      headers: { cookie: cookies.admin },
    });
    expect(res.statusCode).toBe(200);
    const dashboard = res.json() as Dashboard;
    expect(dashboard.types).toEqual([
      'fault',
      'warranty',
      'hlu',
      'authority',
      'inspection',
      'addon',
      'maintenance',
    ]);
    expect(dashboard.all.rows.map((r) => r.status)).not.toContain('draft');
    const { body: all } = await inbox('?view=all');
    expect(dashboard.all.totals.total).toBe(all.total);
    for (const row of dashboard.all.rows) {
      expect(row.total).toBe(Object.values(row.counts).reduce((a, b) => a + b, 0));
      const { body } = await inbox(`?view=all&status=${row.status}`);
      expect(row.total, row.status).toBe(body.total);
    }
    const cell = await inbox('?view=all&status=accepted&type=inspection');
    expect(dashboard.all.rows.find((r) => r.status === 'accepted')!.counts.inspection).toBe(cell.body.total);
    expect(dashboard.byCounterpart).toEqual([
      { org: { id: world.client.id, name: world.client.name }, table: dashboard.all },
    ]);
  });

  it('shows another contractor nothing of ours', async () => {
    const res = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/work-orders/dashboard`,
      headers: { cookie: cookies.other },
    });
    expect((res.json() as Dashboard).all.totals.total).toBe(0);
  });
});

describe('the visibility window for completed orders', () => {
  it('keeps a done order for the agreement’s days after completion, then it is gone for the contractor', async () => {
    await t.database.db
      .update(agreements)
      .set({ completedVisibleDays: 30 })
      .where(
        and(eq(agreements.clientOrgId, world.client.id), eq(agreements.contractorOrgId, world.contractor.id)),
      );
    clock.set('2026-04-01T10:00:00Z'); // 12:00 in Stockholm
    await relogin();
    const order = await dispatch({ description: 'Fönstret' });
    await transition(order.id, { to: 'accepted' });
    await transition(order.id, { to: 'done', actionDescription: 'Justerat fönsterbeslag' });
    const page = () =>
      t.app.inject({
        url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}`,
        headers: { cookie: cookies.admin },
      });

    // The 30th day after completion, just before midnight in Stockholm: still there, and the order
    // says that this is its last day with the contractor.
    clock.set('2026-05-01T21:59:00Z');
    await relogin();
    const lastDay = await page();
    expect(lastDay.statusCode).toBe(200);
    expect((lastDay.json() as WorkOrder).visibleToContractorUntil).toBe('2026-05-01');
    expect((await inbox('?view=completed&limit=200')).body.items.map((i) => i.id)).toContain(order.id);

    // The day after: gone from the contractor, kept by the client.
    clock.set('2026-05-01T22:01:00Z');
    await relogin();
    expect((await page()).statusCode).toBe(404);
    expect((await inbox('?view=completed&limit=200')).body.items.map((i) => i.id)).not.toContain(order.id);
    const client = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(client.statusCode).toBe(200);
    expect((client.json() as WorkOrder).visibleToContractorUntil).toBe('2026-05-01');
  });

  it('says nothing of a window on an order that is still open', async () => {
    const order = await dispatch({ description: 'Öppen' });
    expect(order.visibleToContractorUntil).toBeNull();
  });
});

describe('the window follows each order’s own agreement', () => {
  /** An order dispatched to our contractor by a new client whose agreement keeps done orders `days` days. */
  async function orderOfClientWithWindow(days: number, input: Parameters<typeof dispatch>[0] = {}) {
    const client = await makeOrg(t.database.db, 'client');
    await linkContractor(t.database.db, {
      clientOrgId: client.id,
      contractorOrgId: world.contractor.id,
      createdAt: clock.now(),
      completedVisibleDays: days,
    });
    const coordinator = await login(t.app, await makeUser(t.database.db, client, 'coordinator'));
    return createOrderViaApi(t.app, {
      cookie: coordinator,
      clientOrgId: client.id,
      contractorOrgId: world.contractor.id,
      input,
    });
  }

  it('keeps an order of a client with a longer window, also for commands, while another client’s is gone', async () => {
    clock.set('2026-07-01T10:00:00Z');
    await relogin();
    const kept = await orderOfClientWithWindow(365);
    const gone = await dispatch({ description: 'Kortare fönster' });
    for (const order of [kept, gone]) {
      await transition(order.id, { to: 'accepted' });
      await transition(order.id, { to: 'done', actionDescription: 'Klart' });
    }
    clock.set('2026-08-15T10:00:00Z'); // 45 days later: past 30, well within 365
    await relogin();
    const onKept = await transition(kept.id, { to: 'accepted' });
    expect(onKept.statusCode).toBe(409);
    const onGone = await transition(gone.id, { to: 'accepted' });
    expect(onGone.statusCode).toBe(404);
  });

  it('finds by search what a window shows and nothing it hides, however long ago the order closed', async () => {
    // The search index keeps a contractor's closed orders by the period they closed in, and a
    // search asks only for the periods its longest window reaches (migration 0012).
    clock.set('2026-09-01T10:00:00Z');
    await relogin();
    const decade = await orderOfClientWithWindow(3650, { description: 'Ventilationsdonet i hallen lossnar' });
    const month = await dispatch({ description: 'Ventilationsdonet i köket lossnar' });
    const open = await dispatch({ description: 'Ventilationsdonet i badrummet lossnar' });
    for (const order of [decade, month]) {
      await transition(order.id, { to: 'accepted' });
      await transition(order.id, { to: 'done', actionDescription: 'Fäst med nya skruvar' });
    }
    const search = () => inbox('?view=all&q=ventilationsdonet&limit=200').then((r) => ids(r.body));
    expect((await search()).sort()).toEqual([decade.id, month.id, open.id].sort());

    clock.set('2028-09-01T10:00:00Z'); // two years on: past the 30 days, well within the ten years
    await relogin();
    expect((await search()).sort()).toEqual([decade.id, open.id].sort());
    const clients = await t.app
      .inject({
        url: `/api/orgs/${world.client.id}/work-orders?view=all&q=ventilationsdonet`,
        headers: { cookie: cookies.coordinator },
      })
      .then((r) => ids(r.json() as WorkOrderList));
    expect(clients.sort()).toEqual([month.id, open.id].sort());
  });
});

describe('export for invoicing', () => {
  it('gives the done orders with their invoice references as CSV for Swedish Excel', async () => {
    clock.set('2026-06-01T08:00:00Z');
    await relogin();
    const order = await dispatch({ description: '=HYPERLINK("http://evil.example")' });
    await transition(order.id, { to: 'accepted' });
    await transition(order.id, { to: 'done', actionDescription: 'Klart' });
    const res = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/export.csv?view=completed&status=done`,
      headers: { cookie: cookies.admin },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="arbetsordrar.csv"');
    expect(res.body.startsWith('\uFEFFAO-nr;Referensnummer;Status;')).toBe(true);
    const line = res.body.split('\r\n').find((l) => l.startsWith(`${order.number};`))!;
    expect(line).toContain(`;AO${order.number};Utförd;`);
    expect(line).toContain(`'=HYPERLINK`);
  });

  it('is not for technicians', async () => {
    const res = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/export.csv`,
      headers: { cookie: cookies.technician },
    });
    expect(res.statusCode).toBe(403);
  });
});
