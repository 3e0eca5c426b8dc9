import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder, WorkOrderEvent } from '../../../contract/work-orders.ts';
import { createOrderViaApi, login, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { updateWorkOrder } from '../work-orders/work-orders.repository.ts';
import { replyText } from './reply-text.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<keyof Awaited<ReturnType<typeof makeWorld>>['users'], string>;
let order: WorkOrder;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  for (const [name, user] of Object.entries(world.users))
    cookies[name as keyof typeof cookies] = await login(t.app, user);
  order = await createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
  });
  await updateWorkOrder(t.database.db, order.id, { contractorContactUserId: world.users.technician.id });
});
afterAll(() => t.close());

const at = (orgId: string, path = '') => `/api/orgs/${orgId}/work-orders/${order.id}${path}`;
const events = async (orgId: string, cookie: string, query = '') =>
  (await t.app.inject({ url: at(orgId, `/events${query}`), headers: { cookie } })).json()
    .items as WorkOrderEvent[];

describe('notes (Notera)', () => {
  it('a technician notes an event with a ready phrase; shared notes reach the client, internal ones do not', async () => {
    const shared = await t.app.inject({
      method: 'POST',
      url: at(world.contractor.id, '/notes'),
      headers: { cookie: cookies.technician },
      payload: { event: 'time_booked', phrase: 'Tid är bokad med kund', visibility: 'shared' },
    });
    expect(shared.statusCode).toBe(201);
    expect(shared.json().items[0]).toMatchObject({
      type: 'note',
      visibility: 'shared',
      data: { event: 'time_booked', phrase: 'Tid är bokad med kund', text: null },
      actor: { id: world.users.technician.id },
    });
    await t.app.inject({
      method: 'POST',
      url: at(world.contractor.id, '/notes'),
      headers: { cookie: cookies.technician },
      payload: {
        event: 'information',
        text: 'Nyckeln fanns inte i boxen, hämtade hos värden',
        visibility: 'internal',
      },
    });
    const theirs = await events(world.client.id, cookies.coordinator, '?type=note');
    expect(theirs.map((e) => e.data?.phrase)).toEqual(['Tid är bokad med kund']);
    const ours = await events(world.contractor.id, cookies.manager, '?type=note');
    expect(ours).toHaveLength(2);
  });

  it('needs a phrase or a text, and the client cannot write an internal note', async () => {
    const empty = await t.app.inject({
      method: 'POST',
      url: at(world.contractor.id, '/notes'),
      headers: { cookie: cookies.technician },
      payload: { event: 'information', visibility: 'shared' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('text');
    const internal = await t.app.inject({
      method: 'POST',
      url: at(world.client.id, '/notes'),
      headers: { cookie: cookies.coordinator },
      payload: { event: 'information', text: 'x', visibility: 'internal' },
    });
    expect(internal.statusCode).toBe(400);
  });

  it('takes a Fras only from the client’s list of ready phrases', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: at(world.contractor.id, '/notes'),
      headers: { cookie: cookies.technician },
      payload: { event: 'information', phrase: 'Något helt eget', visibility: 'shared' },
    });
    expect(made.statusCode).toBe(400);
    expect(made.json().errors).toEqual([expect.objectContaining({ field: 'phrase', code: 'invalid_value' })]);
    const swedish = await t.app.inject({
      method: 'POST',
      url: at(world.contractor.id, '/notes'),
      headers: { cookie: cookies.technician, 'accept-language': 'sv' },
      payload: { event: 'information', phrase: 'Något helt eget', visibility: 'shared' },
    });
    expect(swedish.json().errors[0].message).toBe('Välj en fras ur listan');
    expect(await events(world.contractor.id, cookies.manager, '?type=note')).not.toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ phrase: 'Något helt eget' }) }),
    );
  });

  it('is refused to viewers (403), to a technician not on the order and to other companies (404)', async () => {
    const viewer = await t.app.inject({
      method: 'POST',
      url: at(world.client.id, '/notes'),
      headers: { cookie: cookies.viewer },
      payload: { event: 'information', text: 'x' },
    });
    expect(viewer.statusCode).toBe(403);
    const colleague = await t.app.inject({
      method: 'POST',
      url: at(world.contractor.id, '/notes'),
      headers: { cookie: cookies.otherTechnician },
      payload: { event: 'information', text: 'x' },
    });
    expect(colleague.statusCode).toBe(404);
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.otherContractor.id}/work-orders/${order.id}/notes`,
      headers: { cookie: cookies.otherAdmin },
      payload: { event: 'information', text: 'x' },
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('questions and answers', () => {
  it('the contractor asks, the client sees it among open questions and answers, both are in the log', async () => {
    const asked = await t.app.inject({
      method: 'POST',
      url: at(world.contractor.id, '/questions'),
      headers: { cookie: cookies.technician },
      payload: { text: 'Ska jag byta blandaren?' },
    });
    expect(asked.statusCode).toBe(201);
    const open = await t.app.inject({
      url: `/api/orgs/${world.client.id}/questions`,
      headers: { cookie: cookies.coordinator },
    });
    expect(open.json()).toMatchObject({
      total: 1,
      items: [{ text: 'Ska jag byta blandaren?', workOrderNumber: order.number, answer: null }],
    });
    const questionId = asked.json().questionId;
    const byContractor = await t.app.inject({
      method: 'POST',
      url: at(world.contractor.id, `/questions/${questionId}/answer`),
      headers: { cookie: cookies.manager },
      payload: { text: 'Ja' },
    });
    expect(byContractor.statusCode).toBe(403);
    const answered = await t.app.inject({
      method: 'POST',
      url: at(world.client.id, `/questions/${questionId}/answer`),
      headers: { cookie: cookies.coordinator },
      payload: { text: 'Ja byt blandaren' },
    });
    expect(answered.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: at(world.client.id, `/questions/${questionId}/answer`),
      headers: { cookie: cookies.coordinator },
      payload: { text: 'Nej' },
    });
    expect(again.statusCode).toBe(409);
    const log = await events(world.contractor.id, cookies.technician, '?type=question&type=answer');
    expect(log.map((e) => [e.type, e.data?.text])).toEqual([
      ['answer', 'Ja byt blandaren'],
      ['question', 'Ska jag byta blandaren?'],
    ]);
    const none = await t.app.inject({
      url: `/api/orgs/${world.client.id}/questions`,
      headers: { cookie: cookies.coordinator },
    });
    expect(none.json().total).toBe(0);
  });

  it('a question id of another order is not found', async () => {
    const other = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${other.id}/questions`,
      headers: { cookie: cookies.manager },
      payload: { text: 'Fråga' },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: at(world.client.id, `/questions/${asked.json().questionId}/answer`),
      headers: { cookie: cookies.coordinator },
      payload: { text: 'Svar' },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('the text of a reply', () => {
  it.each([
    [
      'Ja, byt den.\n\nDen 19 aug. 2019 kl. 16:07 skrev Ordning <reply+x@o.se>:\n> Ska jag byta?',
      'Ja, byt den.',
    ],
    ['Sure.\n\nOn Mon, 19 Aug 2019 at 16:07, Ordning wrote:\n> Question', 'Sure.'],
    ['Kommer i morgon.\n-- \nEmil Rörström\nExempel Rör AB', 'Kommer i morgon.'],
    ['Okej!\n\nSkickat från min iPhone', 'Okej!'],
    ['Svar\n\n-----Ursprungligt meddelande-----\nFrån: x', 'Svar'],
    ['> bara citat', '> bara citat'],
    [
      'Torsdag passar.\n\nDen mån 4 maj 2026 kl 09:12 skrev Ordning AO 12 <\nreply+abc@svar.ordning.se>:\n\n> Hej',
      'Torsdag passar.',
    ],
    [
      'Fine.\n\nOn Mon, 4 May 2026 at 09:12, Ordning AO 12 <\nreply+abc@svar.ordning.se> wrote:\n> Hi',
      'Fine.',
    ],
    ['Svar\n\nFrån: Ordning <reply+x@o.se>\nSkickat: den 4 maj 2026 09:12\nÄmne: x', 'Svar'],
    ['Vi ses.\nHälsningar\nElsa', 'Vi ses.'],
    // Without a quote below it, a line ending in "skrev:" is the sender's own text.
    [
      'Det här är vad hyresgästen skrev:\nKranen läcker.',
      'Det här är vad hyresgästen skrev:\nKranen läcker.',
    ],
  ])('keeps only the new part of %j', (input, expected) => {
    expect(replyText(input)).toBe(expected);
  });
});
