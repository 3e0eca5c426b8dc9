import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '../../../contract/agreements.ts';
import type { Dashboard, WorkOrder } from '../../../contract/work-orders.ts';
import { fixedClock } from '../../platform/clock.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { createOrderViaApi, login, makeOrg, makeUser, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { linkContractor } from '../agreements/agreements.repository.ts';
import { agreements } from '../agreements/agreements.table.ts';

// Wednesday 16 October 2024, 10:00 in Stockholm: the JM guide's order date.
const clock = fixedClock('2024-10-16T08:00:00Z');
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let second: { id: string; name: string };
const cookies = {} as Record<keyof Awaited<ReturnType<typeof makeWorld>>['users'] | 'secondAdmin', string>;

let secondAdmin: Awaited<ReturnType<typeof makeUser>>;

/** Moving the clock a day ends the sessions (24 h at most), as it should: log everyone in again. */
async function relogin() {
  for (const [name, user] of Object.entries(world.users))
    cookies[name as keyof typeof cookies] = await login(t.app, user);
  cookies.secondAdmin = await login(t.app, secondAdmin);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  world = await makeWorld(t.database.db);
  const org = await makeOrg(t.database.db, 'contractor');
  second = org;
  await linkContractor(t.database.db, {
    clientOrgId: world.client.id,
    contractorOrgId: org.id,
    createdAt: clock.now(),
  });
  secondAdmin = await makeUser(t.database.db, org, 'admin');
  await relogin();
});
afterAll(() => t.close());

const clientUrl = (path = '') => `/api/orgs/${world.client.id}${path}`;

function dispatch(
  input: Parameters<typeof createOrderViaApi>[1]['input'] = {},
  contractorOrgId = world.contractor.id,
) {
  return createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId,
    input,
  });
}

function transition(orgId: string, id: string, body: object, cookie: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/work-orders/${id}/transitions`,
    headers: { cookie },
    payload: body,
  });
}

async function getAgreement(cookie = cookies.clientAdmin) {
  const res = await t.app.inject({
    url: clientUrl(`/agreements/${world.contractor.id}`),
    headers: { cookie },
  });
  return { agreement: res.json() as Agreement, etag: res.headers.etag as string };
}

describe('agreements', () => {
  it('the client sees its agreements; the contractor reads its own, and may not change them', async () => {
    const list = await t.app.inject({
      url: clientUrl('/agreements'),
      headers: { cookie: cookies.coordinator },
    });
    expect(
      list
        .json()
        .items.map((a: Agreement) => a.contractor.id)
        .sort(),
    ).toEqual([world.contractor.id, second.id].sort());
    const theirs = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/agreements/${world.client.id}`,
      headers: { cookie: cookies.manager },
    });
    expect(theirs.statusCode).toBe(200);
    const { agreement } = await getAgreement();
    const { client: _c, contractor: _k, version: _v, updatedAt: _u, ...terms } = agreement;
    const byContractor = await t.app.inject({
      method: 'PUT',
      url: `/api/orgs/${world.contractor.id}/agreements/${world.client.id}`,
      headers: { cookie: cookies.contractorAdmin, 'if-match': `"${agreement.version}"` },
      payload: terms,
    });
    expect(byContractor.statusCode).toBe(403);
    const byTechnician = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/agreements`,
      headers: { cookie: cookies.technician },
    });
    expect(byTechnician.statusCode).toBe(403);
    const foreign = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/agreements/${world.client.id}`,
      headers: { cookie: cookies.otherAdmin },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('a new agreement starts from domain.md’s defaults, written out here by hand', async () => {
    const res = await t.app.inject({
      url: clientUrl(`/agreements/${second.id}`),
      headers: { cookie: cookies.clientAdmin },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      orderTypes: ['fault', 'warranty', 'hlu', 'authority', 'inspection', 'addon', 'maintenance'],
      completedVisibleDays: 180,
      invoiceReferenceTemplate: 'AO{number}',
      requireFaultType: false,
      requireRootCause: false,
      slaRules: {
        normal: { contactBy: { days: 3, unit: 'working' }, deliverBy: { days: 21, unit: 'working' } },
      },
      faultTypes: [
        'Slitage',
        'Skadegörelse',
        'Montagefel',
        'Materialfel',
        'Handhavandefel',
        'Ej fel',
        'Garantifel',
      ],
      rootCauses: [
        'Ålder/slitage',
        'Brukarfel',
        'Utförandefel',
        'Materialfel',
        'Konstruktionsfel',
        'Yttre påverkan',
        'Okänd',
      ],
      phrases: [
        'Entreprenör är beställd',
        'Hyresgäst är kontaktad',
        'Material är beställt',
        'Tid är bokad med kund',
        'Felet stämmer inte med vad som står på AO',
        'Väntar på reservdelar/material',
        'Extralås ej öppet, kunde inte gå in',
        'Sökt kund men telefonnummer stämmer ej',
        'Har lämnat meddelande men inget svar',
        'Husdjur lös i lägenheten, går inte in',
      ],
    });
  });

  it('the client’s administrator sets the terms with If-Match; a coordinator may not', async () => {
    const { agreement, etag } = await getAgreement();
    const { client: _c, contractor: _k, version: _v, updatedAt: _u, ...terms } = agreement;
    const changed = { ...terms, orderTypes: ['fault', 'warranty', 'maintenance'], requireFaultType: true };
    const coordinator = await t.app.inject({
      method: 'PUT',
      url: clientUrl(`/agreements/${world.contractor.id}`),
      headers: { cookie: cookies.coordinator, 'if-match': etag },
      payload: changed,
    });
    expect(coordinator.statusCode).toBe(403);
    const missing = await t.app.inject({
      method: 'PUT',
      url: clientUrl(`/agreements/${world.contractor.id}`),
      headers: { cookie: cookies.clientAdmin },
      payload: changed,
    });
    expect(missing.statusCode).toBe(428);
    const ok = await t.app.inject({
      method: 'PUT',
      url: clientUrl(`/agreements/${world.contractor.id}`),
      headers: { cookie: cookies.clientAdmin, 'if-match': etag },
      payload: changed,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      orderTypes: ['fault', 'warranty', 'maintenance'],
      requireFaultType: true,
      version: agreement.version + 1,
    });
    const stale = await t.app.inject({
      method: 'PUT',
      url: clientUrl(`/agreements/${world.contractor.id}`),
      headers: { cookie: cookies.clientAdmin, 'if-match': etag },
      payload: changed,
    });
    expect(stale.statusCode).toBe(412);
    const bad = await t.app.inject({
      method: 'PUT',
      url: clientUrl(`/agreements/${world.contractor.id}`),
      headers: { cookie: cookies.clientAdmin, 'if-match': ok.headers.etag as string },
      payload: { ...changed, invoiceReferenceTemplate: 'AO number', completedVisibleDays: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['completedVisibleDays', 'invoiceReferenceTemplate']);
  });

  it('offers only contractors whose agreement covers the type, and refuses to send other types', async () => {
    const forInspection = await t.app.inject({
      url: clientUrl('/contractors?type=inspection'),
      headers: { cookie: cookies.coordinator },
    });
    expect(forInspection.json().items.map((c: { id: string }) => c.id)).toEqual([second.id]);
    const res = await t.app.inject({
      method: 'POST',
      url: clientUrl('/work-orders'),
      headers: { cookie: cookies.coordinator },
      payload: {
        type: 'inspection',
        priority: 'normal',
        description: 'Rondering',
        propertyName: 'Fastighet 1',
        street: 'Gatan 1',
        reporter: { name: 'A', phones: [{ kind: 'home', number: '0701740605' }] },
        contractorOrgId: world.contractor.id,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'contractorOrgId', code: 'type_not_covered' });
  });
});

describe('SLA dates on dispatch', () => {
  it('follow the agreement: the JM example, 3 and 21 working days from 2024-10-16', async () => {
    await t.database.db
      .update(agreements)
      .set({
        slaRules: {
          urgent: { contactBy: { days: 0, unit: 'calendar' }, deliverBy: { days: 1, unit: 'calendar' } },
          high: { contactBy: { days: 1, unit: 'working' }, deliverBy: { days: 5, unit: 'working' } },
          normal: { contactBy: { days: 3, unit: 'working' }, deliverBy: { days: 21, unit: 'working' } },
          low: { contactBy: null, deliverBy: { days: 30, unit: 'calendar' } },
        },
      })
      .where(
        and(eq(agreements.clientOrgId, world.client.id), eq(agreements.contractorOrgId, world.contractor.id)),
      );
    const normal = await dispatch({ priority: 'normal' });
    expect(normal).toMatchObject({ contactBy: '2024-10-21', deliverBy: '2024-11-14' });
    const low = await dispatch({ priority: 'low' });
    expect(low).toMatchObject({ contactBy: null, deliverBy: '2024-11-15' });
    const urgent = await dispatch({ priority: 'urgent' });
    expect(urgent).toMatchObject({ contactBy: '2024-10-16', deliverBy: '2024-10-17' });
  });

  it('move when the client raises the priority of a sent order', async () => {
    const order = await dispatch({ priority: 'normal' });
    const res = await t.app.inject({
      method: 'PATCH',
      url: clientUrl(`/work-orders/${order.id}`),
      headers: { cookie: cookies.coordinator, 'if-match': `"${order.version}"` },
      payload: { priority: 'high' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ priority: 'high', contactBy: '2024-10-17', deliverBy: '2024-10-23' });
  });
});

describe('the client’s own moves', () => {
  it('cancelling needs a reason, and the contractor gets an e-mail', async () => {
    const order = await dispatch();
    const noReason = await transition(world.client.id, order.id, { to: 'cancelled' }, cookies.coordinator);
    expect(noReason.statusCode).toBe(400);
    const ok = await transition(
      world.client.id,
      order.id,
      { to: 'cancelled', reason: 'Hyresgästen har flyttat' },
      cookies.coordinator,
    );
    expect(ok.json().status).toBe('cancelled');
    const mails = await t.database.db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload}->'context'->>'workOrderId' = ${order.id}`);
    const subjects = mails.map((m) => (m.payload as { message: { subject: string } }).message.subject);
    expect(subjects.filter((s) => s.includes('makulerad') || s.includes('cancelled'))).toHaveLength(2);
    const asContractor = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}`,
      headers: { cookie: cookies.contractorAdmin },
    });
    expect(asContractor.json().status).toBe('cancelled');
  });

  it('a draft the client no longer wants is made Makulerad with a reason, and no contractor is mailed', async () => {
    const draft = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: { dispatch: false },
    });
    expect(draft.allowedTransitions).toEqual(['cancelled']);
    const ok = await transition(
      world.client.id,
      draft.id,
      { to: 'cancelled', reason: 'Dubblett' },
      cookies.coordinator,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'cancelled', canDispatch: false, allowedTransitions: [] });
    const mails = await t.database.db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload}->'context'->>'workOrderId' = ${draft.id}`);
    expect(mails).toHaveLength(0);
  });

  it('client-only moves are refused to the contractor (409 naming whose move it is, 403 for a role, 404 across companies), changing nothing', async () => {
    const order = await dispatch();
    await transition(world.contractor.id, order.id, { to: 'accepted' }, cookies.manager);
    await transition(
      world.contractor.id,
      order.id,
      { to: 'done', actionDescription: 'Klart', faultType: 'Slitage' },
      cookies.manager,
    );
    const byContractor = await transition(world.contractor.id, order.id, { to: 'invoiced' }, cookies.manager);
    expect(byContractor.statusCode).toBe(409);
    expect(byContractor.json()).toMatchObject({
      code: 'work_orders.client_only',
      title: 'Det är beställaren som gör detta med arbetsordern',
    });
    const reopen = await transition(
      world.contractor.id,
      order.id,
      { to: 'accepted', reason: 'Vi vill göra om' },
      cookies.contractorAdmin,
    );
    expect(reopen.json().code).toBe('work_orders.client_only');
    const cancelNew = await dispatch();
    const cancel = await transition(
      world.contractor.id,
      cancelNew.id,
      { to: 'cancelled', reason: 'Hinner inte' },
      cookies.manager,
    );
    expect(cancel.json()).toMatchObject({ status: 409, code: 'work_orders.client_only' });
    // …and the contractor's own move is not the client's to make.
    const accept = await transition(world.client.id, cancelNew.id, { to: 'accepted' }, cookies.coordinator);
    expect(accept.json()).toMatchObject({ status: 409, code: 'work_orders.contractor_only' });
    const bulk = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/bulk-transitions`,
      headers: { cookie: cookies.manager },
      payload: { ids: [order.id], to: 'invoiced' },
    });
    expect(bulk.json()).toMatchObject({ status: 409, code: 'work_order.bulk_blocked' });
    const after = await t.app.inject({
      url: clientUrl(`/work-orders/${order.id}`),
      headers: { cookie: cookies.coordinator },
    });
    expect(after.json().status).toBe('done');
    const byViewer = await transition(world.client.id, order.id, { to: 'invoiced' }, cookies.viewer);
    expect(byViewer.statusCode).toBe(403);
    const across = await transition(
      world.otherContractor.id,
      order.id,
      { to: 'invoiced' },
      cookies.otherAdmin,
    );
    expect(across.statusCode).toBe(404);
  });

  it('marks many done orders Fakturerad at once — all or none', async () => {
    const done: WorkOrder[] = [];
    for (let i = 0; i < 3; i++) {
      const order = await dispatch();
      await transition(world.contractor.id, order.id, { to: 'accepted' }, cookies.manager);
      await transition(
        world.contractor.id,
        order.id,
        { to: 'done', actionDescription: 'Klart', faultType: 'Slitage' },
        cookies.manager,
      );
      done.push(order);
    }
    const notDone = await dispatch();
    const alsoNotDone = await dispatch();
    const mixed = await t.app.inject({
      method: 'POST',
      url: clientUrl('/work-orders/bulk-transitions'),
      headers: { cookie: cookies.coordinator },
      payload: { ids: [done[0]!.id, notDone.id, alsoNotDone.id], to: 'invoiced' },
    });
    expect(mixed.statusCode).toBe(409);
    // The answer names every order in the way, with its number and status, not only the first.
    expect(mixed.json().code).toBe('work_order.bulk_blocked');
    expect(mixed.json().errors).toEqual([
      expect.objectContaining({
        field: 'ids.1',
        message: `AO ${notDone.number}: Ny kan inte bli Fakturerad`,
      }),
      expect.objectContaining({
        field: 'ids.2',
        message: `AO ${alsoNotDone.number}: Ny kan inte bli Fakturerad`,
      }),
    ]);
    const first = await t.app.inject({
      url: clientUrl(`/work-orders/${done[0]!.id}`),
      headers: { cookie: cookies.coordinator },
    });
    expect(first.json().status).toBe('done');
    const ok = await t.app.inject({
      method: 'POST',
      url: clientUrl('/work-orders/bulk-transitions'),
      headers: { cookie: cookies.coordinator },
      payload: { ids: done.map((o) => o.id), to: 'invoiced' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.map((i: { status: string }) => i.status)).toEqual([
      'invoiced',
      'invoiced',
      'invoiced',
    ]);
  });

  it('sends a declined order again to another contractor, keeping its number and history', async () => {
    const order = await dispatch({ objectNumber: '77000001' });
    await transition(
      world.contractor.id,
      order.id,
      { to: 'declined', reason: 'Ingen kapacitet' },
      cookies.manager,
    );
    const same = await t.app.inject({
      method: 'POST',
      url: clientUrl(`/work-orders/${order.id}/dispatch`),
      headers: { cookie: cookies.coordinator },
      payload: { contractorOrgId: world.contractor.id },
    });
    expect(same.statusCode).toBe(400);
    clock.advance(24 * 60 * 60 * 1000);
    await relogin();
    const res = await t.app.inject({
      method: 'POST',
      url: clientUrl(`/work-orders/${order.id}/dispatch`),
      headers: { cookie: cookies.coordinator },
      payload: { contractorOrgId: second.id },
    });
    expect(res.statusCode).toBe(200);
    const sent = res.json() as WorkOrder;
    expect(sent).toMatchObject({
      number: order.number,
      status: 'new',
      contractor: { id: second.id },
      bundleNumber: '77000001-20241017',
    });
    expect(sent.events[0]!.type).toBe('dispatched');
    expect(sent.events.map((e) => e.type).sort()).toEqual(['created', 'dispatched', 'status_changed']);
    // The first contractor no longer reaches it; the second does.
    const first = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}`,
      headers: { cookie: cookies.contractorAdmin },
    });
    expect(first.statusCode).toBe(404);
    const theirs = await t.app.inject({
      url: `/api/orgs/${second.id}/work-orders/${order.id}`,
      headers: { cookie: cookies.secondAdmin },
    });
    expect(theirs.statusCode).toBe(200);
  });

  it('sends a draft later, with its SLA counted from the day it is sent', async () => {
    const draft = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      input: { dispatch: false, priority: 'normal' },
    });
    expect(draft).toMatchObject({ status: 'draft', canDispatch: true, contactBy: null });
    clock.set('2024-12-20T08:00:00Z'); // a Friday before Christmas
    await relogin();
    const res = await t.app.inject({
      method: 'POST',
      url: clientUrl(`/work-orders/${draft.id}/dispatch`),
      headers: { cookie: cookies.coordinator },
      payload: { contractorOrgId: world.contractor.id },
    });
    // 3 working days from Friday 20 December: 23rd, then 27th (24–26 are holidays), then Monday the 30th.
    expect(res.json()).toMatchObject({
      status: 'new',
      contactBy: '2024-12-30',
      orderedAt: '2024-12-20T08:00:00.000Z',
    });
    const again = await t.app.inject({
      method: 'POST',
      url: clientUrl(`/work-orders/${draft.id}/dispatch`),
      headers: { cookie: cookies.coordinator },
      payload: { contractorOrgId: world.contractor.id },
    });
    expect(again.statusCode).toBe(409);
  });

  it('edits a draft or new order, but not one the contractor has accepted', async () => {
    const order = await dispatch();
    expect(order.editableFields).toContain('description');
    const edit = await t.app.inject({
      method: 'PATCH',
      url: clientUrl(`/work-orders/${order.id}`),
      headers: { cookie: cookies.coordinator, 'if-match': `"${order.version}"` },
      payload: {
        description: 'Rättad beskrivning',
        reporter: { name: 'Ny Anmälare', phones: [{ kind: 'work', number: '08-465 004 00' }] },
      },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({
      description: 'Rättad beskrivning',
      reporter: { name: 'Ny Anmälare', phones: [{ kind: 'work', number: '08-465 004 00', preferred: true }] },
    });
    const accepted = await transition(world.contractor.id, order.id, { to: 'accepted' }, cookies.manager);
    const late = await t.app.inject({
      method: 'PATCH',
      url: clientUrl(`/work-orders/${order.id}`),
      headers: { cookie: cookies.coordinator, 'if-match': `"${accepted.json().version}"` },
      payload: { description: 'För sent' },
    });
    expect(late.statusCode).toBe(409);
    const contractorField = await t.app.inject({
      method: 'PATCH',
      url: clientUrl(`/work-orders/${order.id}`),
      headers: { cookie: cookies.coordinator, 'if-match': `"${accepted.json().version}"` },
      payload: { plannedAt: '2024-12-01' },
    });
    expect(contractorField.statusCode).toBe(403);
  });
});

describe('the client’s dashboard, narrowed', () => {
  const get = (path: string) =>
    t.app.inject({ url: clientUrl(path), headers: { cookie: cookies.coordinator } });

  it('counts only one contractor’s orders, or only those past their dates, as the list does', async () => {
    const whole = (await get('/work-orders/dashboard')).json() as Dashboard;
    const one = await get(`/work-orders/dashboard?contractorOrgId=${second.id}`);
    expect(one.statusCode).toBe(200);
    const narrowed = one.json() as Dashboard;
    const listed = (await get(`/work-orders?view=all&contractorOrgId=${second.id}`)).json();
    expect(narrowed.all.totals.total).toBe(listed.total);
    expect(narrowed.all.totals.total).toBeGreaterThan(0);
    expect(narrowed.all.totals.total).toBeLessThan(whole.all.totals.total);
    expect(narrowed.byCounterpart.map((c) => c.org.id)).toEqual([second.id]);

    // By now (20 December) the orders sent in October are past their contact and delivery days.
    const late = (await get('/work-orders/dashboard?overdue=any')).json() as Dashboard;
    const lateList = (await get('/work-orders?view=active&overdue=any')).json();
    expect(late.all.totals.total).toBe(lateList.total);
    expect(late.all.totals.total).toBeGreaterThan(0);
    const closed = late.all.rows.filter(
      (r) => !['new', 'accepted', 'material_ordered', 'reporter_unreachable'].includes(r.status),
    );
    expect(closed.every((r) => r.total === 0)).toBe(true);

    const foreignProperty = (await get(`/work-orders/dashboard?propertyId=${world.contractor.id}`)).json();
    expect(foreignProperty.all.totals.total).toBe(0);
    const bad = await get('/work-orders/dashboard?overdue=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('overdue');
  });
});
