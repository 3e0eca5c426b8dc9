import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { undeliveredMailRecorder } from '../server/modules/work-orders/work-orders.commands.ts';
import { systemClock } from '../server/platform/clock.ts';
import { jobs } from '../server/platform/jobs/jobs.table.ts';
import { MAIL_JOB_KIND, type MailJobPayload } from '../server/platform/mail/mail.ts';
import { type AxeViolation, seriousViolations } from './support/axe.ts';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { eventRow, stockholmDate } from './support/pages.ts';
import { INBOUND_MAIL_SECRET } from './support/server.ts';

// Talking on the order (issue 5): Familjebostäder's Notera, Beställningsfråga and Beställningssvar
// (steps 6–8), JM's Dialog whose replies come back by e-mail (step 20), photos from a phone, the
// reporter's link, and the pages for e-mail settings and mail that could not be delivered.
const env = setUpServerAndBrowser();
const PHONE = { width: 360, height: 740 };

function describeViolations(violations: AxeViolation[]) {
  return violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function expectAccessible(page: Page) {
  expect(describeViolations(await seriousViolations(page))).toEqual([]);
}

/** Opens the order whose row in the inbox shows the text; returns its AO-nr. */
async function openRow(page: Page, text: string): Promise<string> {
  const link = page.getByRole('main').getByRole('row').filter({ hasText: text }).getByRole('link').first();
  const number = (await link.textContent())?.trim() ?? '';
  await link.click();
  await visible(page.getByRole('heading', { level: 1, name: `Arbetsorder ${number}` }));
  return number;
}

function region(page: Page, name: string): Locator {
  return page.getByRole('main').getByRole('region', { name });
}

/** Polls until the condition holds (the outbox worker delivers in the background). */
async function waitFor<T>(what: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type StoredMail = { id: string; to: string[]; subject: string; text: string };

async function mailbox(): Promise<StoredMail[]> {
  const res = await fetch(`${env.server().baseUrl}/api/dev/mail`);
  return ((await res.json()) as { items: StoredMail[] }).items;
}

describe('Beställningsfråga and Beställningssvar', () => {
  it('the contractor asks through Notera, the client sees the open question in the inbox and on Översikt and answers, and the contractor sees the answer', async () => {
    const contractorContext = await newContext(env.browser(), env.server().baseUrl);
    const contractor = await contractorContext.newPage();
    await logIn(contractor, 'entreprenor');
    const number = await openRow(contractor, 'Duschen droppar även när den är avstängd.');

    // Notera → Händelse: Beställningsfråga, as in Familjebostäder's step 8.
    await region(contractor, 'Notera').getByRole('button', { name: 'Beställningsfråga' }).click();
    const dialog = contractor.getByRole('dialog', { name: `Notera på arbetsorder ${number}` });
    await visible(dialog);
    expect(await dialog.getByRole('combobox', { name: 'Händelse' }).inputValue()).toBe('Beställningsfråga');
    // Nothing written: the field says what is missing.
    await dialog.getByRole('button', { name: 'Skicka frågan' }).click();
    await visible(dialog.getByText('Skriv din fråga'));
    await expectAccessible(contractor);
    await dialog
      .getByLabel(/^Beställningsfråga/)
      .fill('Ska blandaren bytas eller räcker det med en ny packning?');
    await dialog.getByRole('button', { name: 'Skicka frågan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(contractor.getByText('Beställningsfrågan är skickad till beställaren.'));
    const questions = region(contractor, 'Beställningsfrågor');
    await visible(questions.getByText('Väntar på svar'));
    expect(await eventRow(contractor, 'Beställningsfråga').textContent()).toContain(
      'Ska blandaren bytas eller räcker det med en ny packning?',
    );

    // The coordinator: Översikt lists the question waiting for an answer …
    const clientContext = await newContext(env.browser(), env.server().baseUrl);
    const client = await clientContext.newPage();
    await logIn(client, 'bestallare');
    await client.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Översikt' }).click();
    const waiting = client.getByRole('table', { name: 'Beställningsfrågor som väntar på ert svar' });
    await visible(waiting);
    expect(
      await waiting.getByRole('row').filter({ hasText: 'räcker det med en ny packning' }).textContent(),
    ).toContain(number);
    await expectAccessible(client);

    // … and so does the inbox, each question a link to its order.
    await client
      .getByRole('navigation', { name: 'Sidor' })
      .getByRole('link', { name: 'Arbetsordrar' })
      .click();
    const notice = client.getByRole('region', { name: '1 beställningsfråga väntar på ert svar' });
    await visible(notice);
    await expectAccessible(client);
    await notice.getByRole('link', { name: `Arbetsorder ${number}:` }).click();
    await visible(client.getByRole('heading', { level: 1, name: `Arbetsorder ${number}` }));

    const open = region(client, 'Beställningsfrågor');
    await open.getByRole('button', { name: 'Skicka svar' }).click();
    await visible(open.getByText('Skriv ditt svar'));
    await open.getByLabel(/^Beställningssvar/).fill('Byt blandaren, den är gammal.');
    await open.getByRole('button', { name: 'Skicka svar' }).click();
    await visible(client.getByText('Svaret är skickat till Exempel Rör AB.'));
    await visible(open.getByText('Besvarad'));
    await expectAccessible(client);

    // The contractor sees the answer on the order, in the questions and in Noteringar.
    await contractor.reload();
    await visible(questions.getByText('Besvarad'));
    await visible(questions.getByText('Byt blandaren, den är gammal.'));
    const answer = await eventRow(contractor, 'Beställningssvar').textContent();
    expect(answer).toContain('Byt blandaren, den är gammal.');
    expect(answer).toContain('Svar på: Ska blandaren bytas');
    await clientContext.close();
    await contractorContext.close();
  });
});

describe('the technician on a phone', () => {
  it('notes a ready phrase with one tap and adds a photo from the camera with a progress bar, on a 360×740 screen', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl, PHONE, { touch: true });
    const page = await context.newPage();
    await logIn(page, 'tekniker');
    const job = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Toaletten står och rinner' });
    await job
      .getByRole('heading', { name: /^AO-nr/ })
      .getByRole('link')
      .click();
    await visible(page.getByRole('heading', { level: 1, name: /^Arbetsorder \d+$/ }));

    // One tap on a phrase: a note shared with the client, its Händelse read from the phrase.
    const note = region(page, 'Notera');
    const phrase = note.getByRole('button', { name: 'Hyresgäst är kontaktad' });
    expect((await phrase.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await phrase.click();
    await visible(page.getByText('Noterat: Hyresgäst är kontaktad'));
    const log = region(page, 'Noteringar');
    const entry = log.getByRole('listitem').filter({ hasText: 'Notering: Hyresgäst kontaktad' });
    await visible(entry);
    expect(await entry.textContent()).toContain('Delad');

    // A photo from the camera: a real JPEG, its upload shown with a progress bar.
    const files = region(page, 'Bilder och filer');
    const photo = await sharp({
      create: { width: 1600, height: 1200, channels: 3, background: { r: 180, g: 120, b: 60 } },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const chooser = page.waitForEvent('filechooser');
    await files.getByRole('button', { name: 'Ta foto' }).click();
    const picker = await chooser;
    expect(await picker.element().getAttribute('capture')).toBe('environment');
    expect(await picker.element().getAttribute('accept')).toBe('image/*');
    await picker.setFiles({ name: 'wc-stolen.jpg', mimeType: 'image/jpeg', buffer: photo });
    await visible(files.getByText(/^(Laddar upp wc-stolen\.jpg|wc-stolen\.jpg är uppladdad)/));
    const thumbnail = files.getByRole('img', { name: 'wc-stolen.jpg' });
    await visible(thumbnail);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('img[alt="wc-stolen.jpg"]')].some(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    );
    await visible(files.getByRole('link', { name: 'Ladda ner wc-stolen.jpg' }));
    await visible(log.getByRole('listitem').filter({ hasText: 'Bild bifogad' }));

    // A PNG calling itself a PDF is refused by the server, in Swedish, on the file.
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const second = page.waitForEvent('filechooser');
    await files.getByRole('button', { name: 'Välj fil' }).click();
    await (await second).setFiles({ name: 'faktura.pdf', mimeType: 'application/pdf', buffer: png });
    const refusal = files.getByRole('alert').filter({ hasText: 'faktura.pdf' });
    await visible(refusal);
    expect(await refusal.textContent()).toContain('Filtypen stöds inte');

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
    await context.close();
  });
});

describe('video clips', () => {
  it('a clip the client adds to "Test med filmklipp" plays in the page for the contractor, fetched in byte ranges', async () => {
    // The smallest file the server's type sniffer takes as MP4: an ftyp box and some data.
    const head = Buffer.from('000000186674797069736f6d0000020069736f6d6d703432', 'hex');
    const clip = Buffer.concat([head, Buffer.alloc(20_000 - head.length, 7)]);
    const clientContext = await newContext(env.browser(), env.server().baseUrl);
    const client = await clientContext.newPage();
    await logIn(client, 'bestallare');
    await openRow(client, 'Test med filmklipp');
    const files = region(client, 'Bilder och filer');
    // The client's files are shared with the contractor: there is nothing to choose.
    expect(await files.getByRole('radiogroup').count()).toBe(0);
    const chooser = client.waitForEvent('filechooser');
    await files.getByRole('button', { name: 'Välj fil' }).click();
    const picker = await chooser;
    expect(await picker.element().getAttribute('accept')).toBe('image/*,video/*,application/pdf');
    await picker.setFiles({ name: 'läckan.mp4', mimeType: 'video/mp4', buffer: clip });
    await visible(files.getByRole('link', { name: 'Ladda ner läckan.mp4' }));
    await clientContext.close();

    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    await openRow(page, 'Test med filmklipp');
    const video = region(page, 'Bilder och filer').locator('video[aria-label="läckan.mp4"]');
    await visible(video);
    expect(await video.getAttribute('controls')).not.toBeNull();
    const src = (await video.getAttribute('src')) ?? '';
    const part = await page.evaluate(async (url) => {
      const res = await fetch(url, { headers: { range: 'bytes=0-99' } });
      return {
        status: res.status,
        range: res.headers.get('content-range'),
        size: (await res.arrayBuffer()).byteLength,
      };
    }, src);
    expect(part).toEqual({ status: 206, range: 'bytes 0-99/20000', size: 100 });
    await visible(eventRow(page, 'Film bifogad'));
    await expectAccessible(page);
    await context.close();
  });
});

describe('Dialog by e-mail', () => {
  it('a message goes out as e-mail with a reply address, the reply sent to it shows up on the order, and one from a stranger waits for an administrator', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const number = await openRow(page, 'Test med filmklipp');
    const dialog = region(page, 'Dialog med beställaren');
    await visible(dialog.getByText('Inga meddelanden ännu.'));
    await dialog.getByRole('button', { name: 'Skicka' }).click();
    await visible(dialog.getByText('Skriv ett meddelande'));
    await dialog.getByLabel(/^Meddelande/).fill('Vi kommer på torsdag förmiddag. Passar det?');
    await dialog.getByRole('button', { name: 'Skicka' }).click();
    await visible(page.getByText(/^Meddelandet är skickat till .*bestallare@exempelbostader\.example/));
    await visible(dialog.getByRole('listitem').filter({ hasText: 'Vi kommer på torsdag förmiddag' }));
    await expectAccessible(page);

    // The mail the coordinator got: its reply address carries the order's token.
    const sent = await waitFor(async () =>
      (await mailbox()).find(
        (m) =>
          m.subject === `Meddelande om arbetsorder ${number} från Exempel Rör AB` &&
          m.to.includes('bestallare@exempelbostader.example'),
      ),
    );
    const raw = await (await fetch(`${env.server().baseUrl}/api/dev/mail/${sent.id}/raw`)).text();
    const parsed = await simpleParser(raw);
    const replyTo = parsed.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(/^reply\+[A-Za-z0-9_-]{20,}@svar\.ordning\.test$/);

    // The coordinator answers from her mail program; the provider posts the raw mail to Ordning.
    const reply = [
      'From: Elsa Österberg <bestallare@exempelbostader.example>',
      `To: ${replyTo}`,
      `Subject: Re: ${parsed.subject}`,
      `Message-ID: <e2e-reply-${Date.now()}@exempelbostader.example>`,
      `In-Reply-To: ${parsed.messageId}`,
      `References: ${parsed.messageId}`,
      'Date: Tue, 05 May 2026 09:12:00 +0200',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Torsdag passar bra, hyresgästen är hemma efter nio.',
      '',
      'Den 5 maj 2026 skrev Ordning:',
      '> Vi kommer på torsdag förmiddag. Passar det?',
      '',
    ].join('\r\n');
    const posted = await fetch(`${env.server().baseUrl}/api/inbound-mail`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INBOUND_MAIL_SECRET}`, 'content-type': 'message/rfc822' },
      body: reply,
    });
    expect(posted.status).toBe(202);
    expect(await posted.json()).toEqual({ status: 'posted' });

    await page.reload();
    const answer = dialog.getByRole('listitem').filter({ hasText: 'Torsdag passar bra' });
    await visible(answer);
    const text = (await answer.textContent()) ?? '';
    expect(text).toContain('Elsa Österberg');
    expect(text).toContain('Via e-post');
    // The quoted history is cut; the log has the reply as a message by mail.
    expect(text).not.toContain('skrev Ordning');
    expect(await eventRow(page, 'Meddelande (svar via e-post)').textContent()).toContain(
      'Torsdag passar bra, hyresgästen är hemma efter nio.',
    );

    // A reply from an address that is no party to the order waits for an administrator.
    const neighbourPhoto = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 140, b: 60 } },
    })
      .jpeg()
      .toBuffer();
    const composed = await nodemailer
      .createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
      .sendMail({
        from: 'Grannen <granne@example.org>',
        to: replyTo,
        subject: `Re: ${parsed.subject}`,
        messageId: `<e2e-stranger-${Date.now()}@example.org>`,
        inReplyTo: parsed.messageId,
        text: 'Jag är grannen, ni får gärna komma på fredag.\n\nDen 5 maj 2026 skrev Ordning:\n> Vi kommer på torsdag',
        attachments: [{ filename: 'granne.jpg', content: neighbourPhoto, contentType: 'image/jpeg' }],
      });
    const stranger = new Uint8Array(composed.message as Buffer);
    const held = await fetch(`${env.server().baseUrl}/api/inbound-mail`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INBOUND_MAIL_SECRET}`, 'content-type': 'message/rfc822' },
      body: stranger,
    });
    expect(await held.json()).toEqual({ status: 'held' });
    await page.reload();
    const waiting = dialog.getByRole('listitem', { name: 'Från granne@example.org' });
    await visible(waiting);
    expect(await dialog.getByRole('listitem').filter({ hasText: 'Jag är grannen' }).count()).toBe(1);
    // Its photo is named for the reviewer but is not on the order until the reply is posted.
    await visible(waiting.getByText('Bifogat: granne.jpg'));
    const orderFiles = region(page, 'Bilder och filer');
    expect(await orderFiles.getByText('granne.jpg').count()).toBe(0);
    await expectAccessible(page);
    await waiting
      .getByRole('button', { name: 'Lägg in på arbetsordern: svaret från granne@example.org' })
      .click();
    await visible(page.getByText(`Svaret är inlagt på arbetsorder ${number}.`));
    await waiting.waitFor({ state: 'detached' });
    const postedReply = dialog.getByRole('listitem').filter({ hasText: 'Jag är grannen' });
    await visible(postedReply);
    expect(await postedReply.textContent()).toContain('granne@example.org');
    await visible(postedReply.getByRole('link', { name: 'granne.jpg' }));
    await visible(orderFiles.getByRole('img', { name: 'granne.jpg' }));
    await context.close();
  });
});

describe('the reporter’s link', () => {
  it('the contractor makes a link and notes something for the reporter, who follows the order on a phone and proposes visit times that land on the order', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const number = await openRow(page, 'Elementet i sovrummet är kallt');

    const section = region(page, 'Länk till anmälaren');
    await section.getByRole('button', { name: 'Skapa länk' }).click();
    await visible(page.getByText('Länken är skapad.'));
    const url = await section.getByLabel('Länk').inputValue();
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/t\/[A-Za-z0-9_-]{40,}$/);

    await region(page, 'Notera').getByRole('button', { name: 'Notera', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Notera på arbetsorder ${number}` });
    await dialog
      .getByLabel('Notering')
      .fill('Vi har beställt en ny termostat och hör av oss när den kommit.');
    await dialog.getByRole('radio', { name: 'Även anmälaren (via länken)' }).check();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(eventRow(page, 'Notering: AO Information'));

    // The reporter, on a phone, without an account.
    const tenantContext = await newContext(env.browser(), env.server().baseUrl, PHONE, { touch: true });
    const tenant = await tenantContext.newPage();
    await tenant.goto(path);
    await visible(tenant.getByRole('heading', { level: 1, name: `Din felanmälan ${number}` }));
    await visible(tenant.getByText('Material beställt', { exact: true }));
    await visible(tenant.getByText('Vi har beställt en ny termostat och hör av oss när den kommit.'));
    await expectAccessible(tenant);

    const form = tenant.getByRole('region', { name: 'Föreslå tider för besök' });
    await form.getByRole('button', { name: 'Skicka förslag' }).click();
    await visible(form.getByText('Ange minst en tid'));
    await expectAccessible(tenant);

    const day = stockholmDate(3);
    const first = form.getByRole('group', { name: 'Tid 1' });
    await first.getByLabel('Datum').fill(day);
    await first.getByLabel('Från').fill('08:00');
    await first.getByLabel('Till').fill('12:00');
    await form.getByRole('button', { name: 'Lägg till en tid' }).click();
    await form.getByRole('group', { name: 'Tid 2' }).getByLabel('Datum').fill(stockholmDate(4));
    await form.getByLabel(/^Meddelande till hantverkaren/).fill('Ring på två gånger.');
    await form.getByRole('button', { name: 'Skicka förslag' }).click();
    await visible(form.getByText('Tack! Dina förslag är skickade.'));
    const proposal = tenant.getByRole('listitem').filter({ hasText: 'Dina förslag på tider' });
    await visible(proposal);
    expect(await proposal.textContent()).toContain(`${day} 08:00–12:00`);
    expect(await tenant.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );

    // The proposal is on the order, for the contractor.
    await page.reload();
    const row = await eventRow(page, 'Anmälaren föreslår tider').textContent();
    expect(row).toContain(`${day} 08:00–12:00`);
    expect(row).toContain('Ring på två gånger.');

    // A link that does not exist says so, in the reporter's words.
    await tenant.goto('/t/this-is-not-a-real-token-at-all-0000000000');
    await visible(tenant.getByRole('heading', { level: 1, name: 'Länken gäller inte längre' }));
    await tenantContext.close();
    await context.close();
  });
});

describe('e-mail settings and mail to handle', () => {
  it('a user turns a kind of mail off and chooses the daily summary from the user menu', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'tekniker');
    await page.getByRole('button', { name: /Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'E-postaviseringar' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'E-postaviseringar' }));
    const main = page.getByRole('main');
    const messages = main.getByLabel('ett meddelande skrivs på en arbetsorder');
    expect(await messages.isChecked()).toBe(true);
    // A technician gets no overdue reminders, so is not offered them.
    expect(await main.getByLabel(/försenade/).count()).toBe(0);
    await messages.uncheck();
    await main.getByLabel(/En sammanfattning per dag/).check();
    await expectAccessible(page);
    await main.getByRole('button', { name: 'Spara' }).click();
    await visible(page.getByText('Dina val för e-post är sparade.'));

    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'E-postaviseringar' }));
    expect(await main.getByLabel('ett meddelande skrivs på en arbetsorder').isChecked()).toBe(false);
    expect(await main.getByLabel('en ny arbetsorder kommer till oss').isChecked()).toBe(true);
    expect(await main.getByLabel(/En sammanfattning per dag/).isChecked()).toBe(true);
    await context.close();
  });

  it('an administrator sees a mail that could not be delivered, on its order too, and sends it again', async () => {
    // A mail server refused a mail about one of Exempel Rör AB's orders on every attempt: stage the
    // failed job as the outbox leaves it, and record it on the order as the worker does.
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const number = await openRow(page, 'Golvbrunnen i badrummet svämmar över');
    const orderId = new URL(page.url()).pathname.split('/').at(-1)!;
    const orgId = new URL(page.url()).pathname.split('/')[2]!;
    const payload: MailJobPayload = {
      message: {
        to: ['fel.adress@exempelbostader.example'],
        subject: `Meddelande om arbetsorder ${number} från Exempel Rör AB`,
        text: 'Vi kommer på måndag.',
        html: '<p>Vi kommer på måndag.</p>',
        messageId: `<e2e-failed-${Date.now()}@svar.ordning.test>`,
      },
      context: { workOrderId: orderId, orgId },
    };
    const now = systemClock.now();
    await env.server().db.transaction(async (tx) => {
      await tx.insert(jobs).values({
        kind: MAIL_JOB_KIND,
        payload,
        status: 'failed',
        attempts: 8,
        maxAttempts: 8,
        runAt: now,
        lastError: '550 5.1.1 Mailbox unavailable',
        createdAt: now,
        finishedAt: now,
      });
      await undeliveredMailRecorder(systemClock)({
        tx,
        payload,
        error: '550 5.1.1 Mailbox unavailable',
      });
    });

    // On the order: "kunde inte levereras" with the address.
    await page.reload();
    expect(await eventRow(page, 'E-post kunde inte levereras').textContent()).toContain(
      'Kunde inte levereras till fel.adress@exempelbostader.example',
    );

    await page.getByRole('button', { name: /Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'E-post att hantera' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'E-post att hantera' }));
    const failed = region(page, 'Kunde inte levereras');
    const row = failed.getByRole('row').filter({ hasText: 'fel.adress@exempelbostader.example' });
    await visible(row);
    expect(await row.textContent()).toContain('550 5.1.1 Mailbox unavailable');
    await visible(region(page, 'Svar som väntar på granskning').getByText('Inga svar väntar på granskning.'));
    await expectAccessible(page);

    await row
      .getByRole('button', { name: /^Skicka igen: ".*" till fel\.adress@exempelbostader\.example$/ })
      .click();
    await visible(page.getByText('E-posten skickas igen till fel.adress@exempelbostader.example.'));
    await visible(failed.getByText('All e-post har kunnat levereras.'));
    // The same message goes out again, this time delivered.
    await waitFor(async () =>
      (await mailbox()).find((m) => m.to.includes('fel.adress@exempelbostader.example')),
    );
    await context.close();
  });
});
