import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderViaApi, login, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { escapeHtml, maskPersonalNumbers, oneLine, renderMail } from './layout.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('mail without an SMTP server', () => {
  it('is kept as .eml files and listed in the development mailbox', async () => {
    const world = await makeWorld(t.database.db);
    const cookie = await login(t.app, world.users.coordinator);
    const order = await createOrderViaApi(t.app, {
      cookie,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    expect(await t.worker.runOnce()).toBe(2);

    const list = await t.app.inject({ url: '/api/dev/mail' });
    const items = list.json().items as { id: string; to: string[]; subject: string; text: string }[];
    expect(items).toHaveLength(2);
    expect(items.map((m) => m.subject.split(' från ')[0]!.split(' from ')[0]).sort()).toEqual([
      `New work order ${order.number}`,
      `Ny arbetsorder ${order.number}`,
    ]);
    expect(items.flatMap((m) => m.to).sort()).toEqual(
      [world.users.contractorAdmin.email, world.users.manager.email].sort(),
    );

    const raw = await t.app.inject({ url: `/api/dev/mail/${items[0]!.id}/raw` });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toMatch(/^message\/rfc822/);
    expect(raw.body).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(fs.readdirSync(`${t.dataDir}/mail`).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
  });

  it('answers 404 for a mail that is not there, and refuses path tricks', async () => {
    expect((await t.app.inject({ url: '/api/dev/mail/nope/raw' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/dev/mail/..%2F..%2Fetc%2Fpasswd/raw' })).statusCode).toBe(400);
  });
});

describe('mail text', () => {
  it('escapes user text for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('keeps subjects on one line, whatever the user typed', () => {
    expect(oneLine('Läcka\r\nBcc: x@example.com\u2028igen')).toBe('Läcka Bcc: x@example.com igen');
    expect(oneLine('a'.repeat(300), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it.each([
    ['Hyresgäst 19121212-1212 ringer', 'Hyresgäst 19121212-**** ringer'],
    ['pnr 191212121212.', 'pnr 19121212****.'],
    ['pnr 121212-1212', 'pnr 121212-****'],
    ['över hundra: 121212+1212', 'över hundra: 121212+****'],
    ['samordningsnummer 701063-2391', 'samordningsnummer 701063-****'],
  ])('masks the personal identity number in %j', (input, expected) => {
    expect(maskPersonalNumbers(input)).toBe(expected);
  });

  it.each([
    'Ring 070-174 06 05 eller 0701234567',
    'Extern referens 241129-146105-15',
    'Bunt 64010765-20190819',
    'Fel kontrollsiffra 19121212-1213',
    'AO 2375, faktura AO2375',
  ])('leaves numbers that are not personal identity numbers alone: %j', (input) => {
    expect(maskPersonalNumbers(input)).toBe(input);
  });

  it('masks them in every part of a mail, and in subjects', () => {
    const { html, text } = renderMail({
      lang: 'sv',
      heading: 'Om 19121212-1212',
      intro: 'Gäller 121212-1212',
      facts: [['Hyresgäst', 'Test Testsson 191212121212']],
      body: { label: 'Meddelande', text: 'pnr 19121212-1212' },
      items: [{ text: 'Rad om 121212-1212', href: 'https://o.example/x' }],
      action: { label: 'Öppna', href: 'https://o.example' },
      footer: 'Ordning',
    });
    expect(`${html}${text}`).not.toMatch(/1212-?1212/);
    expect(oneLine('Fråga om 19121212-1212')).toBe('Fråga om 19121212-****');
  });
});
