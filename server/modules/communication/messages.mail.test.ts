import { eq } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../contract/communication.ts';
import type { WorkOrder } from '../../../contract/work-orders.ts';
import { startInboundSmtp } from '../../platform/mail/inbound-smtp.ts';
import { createOrderViaApi, login, makeWorld } from '../../testing/factories.ts';
import { startSmtpServer } from '../../testing/smtp.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { updateWorkOrder } from '../work-orders/work-orders.repository.ts';
import { attachments } from './communication.table.ts';

const SECRET = 'a-shared-secret-for-inbound-mail-tests';
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let inbound: Awaited<ReturnType<typeof startInboundSmtp>>;
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<'coordinator' | 'technician' | 'clientAdmin' | 'manager', string>;
let order: WorkOrder;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    env: {
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://ordning.test.example',
      INBOUND_MAIL_DOMAIN: 'svar.ordning.test',
      INBOUND_MAIL_SECRET: SECRET,
    },
  });
  inbound = await startInboundSmtp({ port: 0, host: '127.0.0.1', handle: t.receiveMail, log: t.app.log });
  world = await makeWorld(t.database.db);
  cookies.coordinator = await login(t.app, world.users.coordinator);
  cookies.technician = await login(t.app, world.users.technician);
  cookies.clientAdmin = await login(t.app, world.users.clientAdmin);
  cookies.manager = await login(t.app, world.users.manager);
  order = await createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
  });
  await updateWorkOrder(t.database.db, order.id, { contractorContactUserId: world.users.technician.id });
  await t.worker.runOnce();
});
afterAll(async () => {
  await inbound.close();
  await t.close();
  await smtp.close();
});

const thread = async (orgId: string, cookie: string) =>
  (
    await t.app.inject({ url: `/api/orgs/${orgId}/work-orders/${order.id}/messages`, headers: { cookie } })
  ).json().items as Message[];

function sendToInbound(mail: SendMailOptions) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: inbound.port,
    secure: false,
    ignoreTLS: true,
  });
  return transport.sendMail(mail).finally(() => transport.close());
}

async function jpegWithGps() {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Test' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 20/1 0/1' } })
    .toBuffer();
}

describe('messages by e-mail', () => {
  let replyTo = '';
  let firstMessageId = '';

  it('a message goes to the orderer by mail, with a reply address that carries the order', async () => {
    smtp.received.length = 0;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/messages`,
      headers: { cookie: cookies.technician },
      payload: { body: 'Hej! Kan vi komma på torsdag?\r\nBcc: evil@example.com' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ direction: 'out', sentTo: [world.users.coordinator.email] });
    expect(await t.worker.runOnce()).toBe(1);
    const [mail] = smtp.received;
    expect(mail!.envelopeTo).toEqual([world.users.coordinator.email]);
    expect(mail!.parsed.subject).toBe(
      `Meddelande om arbetsorder ${order.number} från ${world.contractor.name}`,
    );
    expect(mail!.parsed.text).toContain('Kan vi komma på torsdag?');
    expect(mail!.parsed.text).toContain(
      `https://ordning.test.example/orgs/${world.client.id}/work-orders/${order.id}`,
    );
    expect(mail!.parsed.headers.has('bcc')).toBe(false);
    replyTo = mail!.parsed.replyTo!.value[0]!.address!;
    firstMessageId = mail!.parsed.messageId!;
    expect(replyTo).toMatch(/^reply\+[A-Za-z0-9_-]{40,}@svar\.ordning\.test$/);
  });

  it('a reply by mail comes back onto the order from its sender, without the quoted history, with its photo', async () => {
    smtp.received.length = 0;
    const sentReply = await sendToInbound({
      from: world.users.coordinator.email,
      to: replyTo,
      subject: `Re: Meddelande om arbetsorder ${order.number}`,
      inReplyTo: firstMessageId,
      text: `Torsdag passar bra.\n\nDen 1 mars 2026 skrev Ordning <${replyTo}>:\n> Hej! Kan vi komma på torsdag?`,
      attachments: [{ filename: 'kran.jpg', content: await jpegWithGps(), contentType: 'image/jpeg' }],
    });
    const messages = await thread(world.contractor.id, cookies.technician);
    expect(messages.at(-1)).toMatchObject({
      direction: 'in',
      body: 'Torsdag passar bra.',
      author: { id: world.users.coordinator.id },
      authorOrg: { id: world.client.id },
      attachments: [{ fileName: 'kran.jpg', kind: 'image' }],
    });
    // The photo lost its EXIF and GPS on the way in.
    const photo = messages.at(-1)!.attachments[0]!;
    const download = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/attachments/${photo.id}`,
      headers: { cookie: cookies.technician },
    });
    expect((await sharp(download.rawPayload).metadata()).exif).toBeUndefined();
    // And the technician is told, threaded after the first mail.
    expect(await t.worker.runOnce()).toBe(1);
    expect(smtp.received[0]!.envelopeTo).toEqual([world.users.technician.email]);
    expect(smtp.received[0]!.parsed.references).toContain(firstMessageId);
    // The copy Ordning sends on answers the reply itself, which answered the first mail.
    expect([smtp.received[0]!.parsed.references].flat()).toEqual([firstMessageId, sentReply.messageId]);
    expect(smtp.received[0]!.parsed.inReplyTo).toBe(sentReply.messageId);
    // The photo itself stays behind the order's access check; the mail names it.
    expect(smtp.received[0]!.parsed.text).toContain(
      'Bifogat: kran.jpg (öppna arbetsordern för att se filerna)',
    );
    expect(smtp.received[0]!.parsed.attachments).toEqual([]);
  });

  it('a reply from a stranger is held for review, not posted; an administrator can post it', async () => {
    const before = (await thread(world.client.id, cookies.coordinator)).length;
    await sendToInbound({
      from: 'okand@example.com',
      to: replyTo,
      subject: 'Re: x',
      text: 'Hej från en främling',
    });
    expect(await thread(world.client.id, cookies.coordinator)).toHaveLength(before);
    const held = await t.app.inject({
      url: `/api/orgs/${world.client.id}/held-mail`,
      headers: { cookie: cookies.clientAdmin },
    });
    const item = held.json().items.find((h: { fromEmail: string }) => h.fromEmail === 'okand@example.com');
    expect(item).toMatchObject({ workOrderNumber: order.number, body: 'Hej från en främling' });
    const byCoordinator = await t.app.inject({
      url: `/api/orgs/${world.client.id}/held-mail`,
      headers: { cookie: cookies.coordinator },
    });
    expect(byCoordinator.statusCode).toBe(403);
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/held-mail/${item.id}/post`,
      headers: { cookie: cookies.clientAdmin },
    });
    expect(post.statusCode).toBe(204);
    expect((await thread(world.client.id, cookies.coordinator)).at(-1)).toMatchObject({
      body: 'Hej från en främling',
      fromEmail: 'okand@example.com',
    });
  });

  it('a reply over SMTP lands on the order its token names, and on no other', async () => {
    const second = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    smtp.received.length = 0;
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${second.id}/messages`,
      headers: { cookie: cookies.manager },
      payload: { body: 'Gäller den andra lägenheten.' },
    });
    await t.worker.runOnce();
    const secondMail = smtp.received.find((m) =>
      m.parsed.subject?.startsWith(`Meddelande om arbetsorder ${second.number} `),
    );
    const secondReplyTo = secondMail!.parsed.replyTo!.value[0]!.address!;
    expect(secondReplyTo).not.toBe(replyTo);
    const firstBefore = (await thread(world.client.id, cookies.coordinator)).length;
    await sendToInbound({
      from: world.users.coordinator.email,
      to: secondReplyTo,
      subject: 'Re: den andra',
      text: 'Ja, den andra.',
    });
    const secondThread = (
      await t.app.inject({
        url: `/api/orgs/${world.client.id}/work-orders/${second.id}/messages`,
        headers: { cookie: cookies.coordinator },
      })
    ).json().items as Message[];
    expect(secondThread.map((m) => m.body)).toEqual(['Gäller den andra lägenheten.', 'Ja, den andra.']);
    expect(await thread(world.client.id, cookies.coordinator)).toHaveLength(firstBefore);
    await t.worker.runOnce();
  });

  it('a held reply’s photo stays off the order until an administrator posts the reply', async () => {
    await sendToInbound({
      from: 'fotograf@example.org',
      to: replyTo,
      subject: 'Re: bild',
      text: 'Här är en bild',
      attachments: [{ filename: 'granne.jpg', content: await jpegWithGps(), contentType: 'image/jpeg' }],
    });
    const files = async () =>
      (
        await t.app.inject({
          url: `/api/orgs/${world.client.id}/work-orders/${order.id}/attachments`,
          headers: { cookie: cookies.coordinator },
        })
      ).json().items as { id: string; fileName: string }[];
    const log = async () =>
      (
        await t.app.inject({
          url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/events?type=attachment`,
          headers: { cookie: cookies.manager },
        })
      ).json().items as { data: { fileName: string } }[];
    expect((await files()).map((f) => f.fileName)).not.toContain('granne.jpg');
    expect((await log()).map((e) => e.data.fileName)).not.toContain('granne.jpg');
    const [stored] = await t.database.db
      .select()
      .from(attachments)
      .where(eq(attachments.fileName, 'granne.jpg'));
    const download = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}/attachments/${stored!.id}`,
      headers: { cookie: cookies.clientAdmin },
    });
    expect(download.statusCode).toBe(404);
    const held = (
      await t.app.inject({
        url: `/api/orgs/${world.client.id}/held-mail`,
        headers: { cookie: cookies.clientAdmin },
      })
    ).json().items as { id: string; fromEmail: string; attachments: { fileName: string }[] }[];
    const item = held.find((h) => h.fromEmail === 'fotograf@example.org')!;
    expect(item.attachments).toEqual([expect.objectContaining({ fileName: 'granne.jpg', kind: 'image' })]);

    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/held-mail/${item.id}/post`,
      headers: { cookie: cookies.clientAdmin },
    });
    expect((await files()).map((f) => f.fileName)).toContain('granne.jpg');
    expect((await log()).map((e) => e.data.fileName)).toContain('granne.jpg');
    await t.worker.runOnce();
  });

  it('an HTML reply keeps only the new text; a signature logo is left out and a file we do not take is named in the log', async () => {
    const logo = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#036' } })
      .png()
      .toBuffer();
    await sendToInbound({
      from: world.users.coordinator.email,
      to: replyTo,
      subject: 'Re: html',
      html: `<div dir="ltr">Nyckeln finns hos fastighetsskötaren.</div><br><img src="cid:logo@exempel"><br>
        <div class="gmail_quote"><div class="gmail_attr">Den mån 4 maj 2026 kl 09:12 skrev Ordning AO ${order.number} &lt;${replyTo}&gt;:</div>
        <blockquote class="gmail_quote">Hej! Kan vi komma på torsdag?</blockquote></div>`,
      attachments: [
        { filename: 'image001.png', content: logo, cid: 'logo@exempel' },
        {
          filename: 'offert.docx',
          content: Buffer.from('PK\x03\x04 not really a document'),
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
      ],
    });
    const last = (await thread(world.contractor.id, cookies.technician)).at(-1)!;
    expect(last.body).toBe('Nyckeln finns hos fastighetsskötaren.');
    expect(last.attachments).toEqual([]);
    const [event] = (
      await t.app.inject({
        url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/events?type=message`,
        headers: { cookie: cookies.technician },
      })
    ).json().items as { data: { text: string; droppedFiles?: string[] } }[];
    expect(event!.data).toMatchObject({
      text: 'Nyckeln finns hos fastighetsskötaren.',
      droppedFiles: ['offert.docx'],
    });
    await t.worker.runOnce();
  });

  it('mail to an unknown reply address is refused by the SMTP listener', async () => {
    await expect(
      sendToInbound({
        from: world.users.coordinator.email,
        to: 'reply+thisisnotarealtokenatallreally@svar.ordning.test',
        text: 'x',
      }),
    ).rejects.toThrow(/550/);
    await expect(
      sendToInbound({ from: 'a@b.se', to: 'postmaster@svar.ordning.test', text: 'x' }),
    ).rejects.toThrow(/550/);
  });

  it('a provider can post the raw mail over HTTP with the shared secret; the same mail twice is kept once', async () => {
    const raw = [
      `From: ${world.users.coordinator.email}`,
      `To: ${replyTo}`,
      'Subject: Re: via HTTP',
      'Message-ID: <http-reply-1@example.com>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Svar via leverantörens webhook',
      '',
    ].join('\r\n');
    const post = (secret: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/inbound-mail',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'message/rfc822' },
        payload: raw,
      });
    expect((await post('wrong-secret')).statusCode).toBe(401);
    const first = await post(SECRET);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ status: 'posted' });
    expect((await post(SECRET)).json()).toEqual({ status: 'duplicate' });
    const bodies = (await thread(world.client.id, cookies.coordinator)).map((m) => m.body);
    expect(bodies.filter((b) => b === 'Svar via leverantörens webhook')).toHaveLength(1);
  });
});

describe('the inbound endpoint without a secret', () => {
  it('is off', async () => {
    const plain = await createTestApp({ database: t.database });
    try {
      const res = await plain.app.inject({
        method: 'POST',
        url: '/api/inbound-mail',
        headers: { 'content-type': 'message/rfc822' },
        payload: 'From: a@b.se\r\n\r\nx',
      });
      expect(res.statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
