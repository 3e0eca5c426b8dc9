import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../../contract/work-orders.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createOrderViaApi, login, makeUser, makeWorld } from '../../testing/factories.ts';
import { type ReceivedMail, startSmtpServer } from '../../testing/smtp.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { updateWorkOrder } from '../work-orders/work-orders.repository.ts';
import { sendDigests } from './notifications.ts';
import { sendOverdueReminders } from './overdue.ts';

// Every kind of notification, delivered through a real SMTP server and read back with mailparser:
// language, link to the order, headers, no header injection from user text, and no personal identity
// number (19121212-1212 is Skatteverket's test number) in what leaves.
const PUBLIC_URL = 'https://ordning.test.example';
const PIN = '19121212-1212';
const INJECTION = `\r\nBcc: evil@example.com\r\nX-Evil: 1`;
const clock = fixedClock('2026-05-04T09:00:00Z');
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let englishCoordinator: Awaited<ReturnType<typeof makeUser>>;
const cookies = {} as Record<'coordinator' | 'technician' | 'manager' | 'englishCoordinator', string>;
let order: WorkOrder;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    clock,
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Ordning <ordning@test.example>',
      PUBLIC_URL,
      INBOUND_MAIL_DOMAIN: 'svar.ordning.test',
    },
  });
  world = await makeWorld(t.database.db);
  englishCoordinator = await makeUser(t.database.db, world.client, 'coordinator', { locale: 'en' });
  cookies.coordinator = await login(t.app, world.users.coordinator);
  cookies.technician = await login(t.app, world.users.technician);
  cookies.manager = await login(t.app, world.users.manager);
  cookies.englishCoordinator = await login(t.app, englishCoordinator);
  order = await createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
  });
  await updateWorkOrder(t.database.db, order.id, { contractorContactUserId: world.users.technician.id });
  await t.worker.runOnce();
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Runs the outbox and returns what the SMTP server received from it. */
async function delivered(): Promise<ReceivedMail[]> {
  smtp.received.length = 0;
  while ((await t.worker.runOnce()) > 0) {}
  return [...smtp.received];
}

const to = (mails: ReceivedMail[], email: string) => mails.filter((m) => m.envelopeTo.includes(email));
const orderLink = (orgId: string, id = order.id) => `${PUBLIC_URL}/orgs/${orgId}/work-orders/${id}`;

/** What every mail must be: HTML and text, from Ordning, one Message-ID, nothing injected, no PIN. */
function expectWellFormed(mail: ReceivedMail, lang: 'sv' | 'en') {
  expect(mail.parsed.html).toBeTruthy();
  expect(mail.parsed.text).toBeTruthy();
  expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
  expect(mail.parsed.html).toContain(`<html lang="${lang}">`);
  expect(mail.parsed.from?.value[0]).toMatchObject({ address: 'ordning@test.example' });
  expect(mail.parsed.messageId).toMatch(/^<[^<>\s]+@[^<>\s]+>$/);
  expect(mail.parsed.headers.has('bcc')).toBe(false);
  expect(mail.parsed.headers.has('x-evil')).toBe(false);
  expect(mail.envelopeTo).not.toContain('evil@example.com');
  expect(mail.parsed.subject).not.toMatch(/[\r\n]/);
  for (const part of [mail.parsed.subject ?? '', mail.parsed.text ?? '', mail.parsed.html || ''])
    expect(part).not.toContain('1212-1212');
}

describe('notifications over SMTP', () => {
  it('a question goes to the orderer in Swedish, with a link to the order on the client side', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/questions`,
      headers: { cookie: cookies.technician },
      payload: { text: `Ska blandaren bytas? Hyresgästen ${PIN} vill veta.${INJECTION}` },
    });
    expect(res.statusCode).toBe(201);
    const mails = await delivered();
    expect(mails.map((m) => m.envelopeTo)).toEqual([[world.users.coordinator.email]]);
    const [mail] = mails;
    expectWellFormed(mail!, 'sv');
    expect(mail!.parsed.subject).toBe(
      `Beställningsfråga om arbetsorder ${order.number} från ${world.contractor.name}`,
    );
    expect(mail!.parsed.text).toContain('Ska blandaren bytas? Hyresgästen 19121212-**** vill veta.');
    expect(mail!.parsed.text).toContain(`Svara på frågan: ${orderLink(world.client.id)}`);
    expect(mail!.parsed.html).toContain(`href="${orderLink(world.client.id)}"`);
    // A question is not a mail thread: there is nothing to reply to by mail.
    expect(mail!.parsed.replyTo).toBeUndefined();
  });

  it('the answer goes back to the one who asked, in their language (English here)', async () => {
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/questions`,
      headers: { cookie: cookies.manager },
      payload: { text: 'Is the stopcock in the kitchen?' },
    });
    await delivered();
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}/questions/${asked.json().questionId}/answer`,
      headers: { cookie: cookies.coordinator },
      payload: { text: `Ja, under diskbänken.${INJECTION}` },
    });
    expect(answered.statusCode).toBe(200);
    const mails = await delivered();
    expect(mails.map((m) => m.envelopeTo)).toEqual([[world.users.manager.email]]);
    const [mail] = mails;
    expectWellFormed(mail!, 'en');
    expect(mail!.parsed.subject).toBe(`Answer to your question about work order ${order.number}`);
    expect(mail!.parsed.text).toContain('has answered your question');
    expect(mail!.parsed.text).toContain('Ja, under diskbänken.');
    expect(mail!.parsed.text).toContain(`Open the work order: ${orderLink(world.contractor.id)}`);
  });

  it('a message goes to the other side with a reply address and the thread headers', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/messages`,
      headers: { cookie: cookies.technician },
      payload: { body: `Vi kommer på torsdag.${INJECTION}` },
    });
    expect(first.statusCode).toBe(201);
    const [out] = await delivered();
    expectWellFormed(out!, 'sv');
    expect(out!.envelopeTo).toEqual([world.users.coordinator.email]);
    expect(out!.parsed.replyTo?.value[0]?.address).toMatch(/^reply\+[A-Za-z0-9_-]{40,}@svar\.ordning\.test$/);
    expect(out!.parsed.text).toContain('Du kan svara direkt på det här mejlet.');

    // The English coordinator answers in Ordning: the technician's mail threads after the first.
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}/messages`,
      headers: { cookie: cookies.englishCoordinator },
      payload: { body: 'Thursday is fine.' },
    });
    expect(second.statusCode).toBe(201);
    const [back] = await delivered();
    expectWellFormed(back!, 'sv');
    expect(back!.envelopeTo).toEqual([world.users.technician.email]);
    expect(back!.parsed.inReplyTo).toBe(out!.parsed.messageId);
    expect([back!.parsed.references].flat()).toEqual([out!.parsed.messageId]);
    expect(back!.parsed.text).toContain(orderLink(world.contractor.id));

    // The technician writes again: the English coordinator, who has written on the order, gets it
    // in English; the orderer in Swedish. Each copy threads after both earlier messages.
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/messages`,
      headers: { cookie: cookies.technician },
      payload: { body: 'Bra, vi ses.' },
    });
    const third = await delivered();
    expect(third.map((m) => m.envelopeTo[0]).sort()).toEqual(
      [world.users.coordinator.email, englishCoordinator.email].sort(),
    );
    const english = to(third, englishCoordinator.email)[0]!;
    expectWellFormed(english, 'en');
    expect(english.parsed.subject).toBe(
      `Message about work order ${order.number} from ${world.contractor.name}`,
    );
    expect([english.parsed.references].flat()).toEqual([out!.parsed.messageId, back!.parsed.messageId]);
    expect(english.parsed.messageId).toBe(to(third, world.users.coordinator.email)[0]!.parsed.messageId);
  });

  it('a cancellation goes to the contractor’s managers and the assigned technician, with the reason', async () => {
    const doomed = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    await updateWorkOrder(t.database.db, doomed.id, { contractorContactUserId: world.users.technician.id });
    await delivered();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/work-orders/${doomed.id}/transitions`,
      headers: { cookie: cookies.coordinator },
      payload: { to: 'cancelled', reason: `Dubblett av en annan anmälan, ${PIN}.${INJECTION}` },
    });
    expect(res.statusCode).toBe(200);
    const mails = await delivered();
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(
      [world.users.contractorAdmin.email, world.users.manager.email, world.users.technician.email].sort(),
    );
    const sv = to(mails, world.users.technician.email)[0]!;
    expectWellFormed(sv, 'sv');
    expect(sv.parsed.subject).toBe(`Arbetsorder ${doomed.number} från ${world.client.name} är makulerad`);
    expect(sv.parsed.text).toContain('Dubblett av en annan anmälan, 19121212-****.');
    expect(sv.parsed.text).toContain(orderLink(world.contractor.id, doomed.id));
    const en = to(mails, world.users.manager.email)[0]!;
    expectWellFormed(en, 'en');
    expect(en.parsed.subject).toBe(`Work order ${doomed.number} from ${world.client.name} is cancelled`);
  });

  it('the morning reminder lists the overdue orders for the contractor’s managers, linking to them', async () => {
    await updateWorkOrder(t.database.db, order.id, { deliverBy: '2026-04-30' });
    await sendOverdueReminders({ db: t.database.db, clock, publicUrl: PUBLIC_URL });
    const mails = await delivered();
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual(
      [world.users.contractorAdmin.email, world.users.manager.email].sort(),
    );
    const en = to(mails, world.users.manager.email)[0]!;
    expectWellFormed(en, 'en');
    expect(en.parsed.subject).toMatch(/^Ordning: \d+ overdue work orders?$/);
    expect(en.parsed.text).toContain(`WO ${order.number}, Torögatan 51: deliver-by 2026-04-30 has passed`);
    expect(en.parsed.text).toContain(`${PUBLIC_URL}/orgs/${world.contractor.id}/work-orders?overdue=any`);
    const sv = to(mails, world.users.contractorAdmin.email)[0]!;
    expectWellFormed(sv, 'sv');
    expect(sv.parsed.text).toContain(`AO ${order.number}, Torögatan 51: leveransdag 2026-04-30 har passerat`);
  });

  it('a user on the daily digest gets one mail a day listing each event with a link to its order', async () => {
    await t.app.inject({
      method: 'PUT',
      url: '/api/me/notifications',
      headers: { cookie: cookies.coordinator },
      payload: { off: [], digest: true },
    });
    for (const text of ['Finns det en nyckel?', `Är det rätt lägenhet för ${PIN}?`]) {
      await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/questions`,
        headers: { cookie: cookies.technician },
        payload: { text },
      });
    }
    // Nothing goes out one by one.
    expect(to(await delivered(), world.users.coordinator.email)).toEqual([]);

    await sendDigests({
      db: t.database.db,
      clock,
      publicUrl: PUBLIC_URL,
      before: new Date(clock.now().getTime() + 1),
    });
    const mails = to(await delivered(), world.users.coordinator.email);
    expect(mails).toHaveLength(1);
    const [digest] = mails;
    expectWellFormed(digest!, 'sv');
    expect(digest!.parsed.subject).toBe('Ordning: 2 händelser sedan sist');
    expect(digest!.parsed.text).toContain(`- Fråga om AO ${order.number}: Finns det en nyckel?`);
    expect(digest!.parsed.text).toContain(
      `Fråga om AO ${order.number}: Är det rätt lägenhet för 19121212-****?`,
    );
    expect(digest!.parsed.text).toContain(`  ${orderLink(world.client.id)}`);
    expect(digest!.parsed.html).toContain(`<a href="${orderLink(world.client.id)}"`);
    expect(digest!.parsed.text).toContain('E-postaviseringar');
    await t.app.inject({
      method: 'PUT',
      url: '/api/me/notifications',
      headers: { cookie: cookies.coordinator },
      payload: { off: [], digest: false },
    });
  });
});
