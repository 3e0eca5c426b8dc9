import { describe, expect, it } from 'vitest';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { detail, eventRow, stockholmDate } from './support/pages.ts';

// Familjebostäder's guide, steps 3–9: the electricians (Snabbfix El AB) work the way that guide does;
// the bundle of two new orders on object 64010765 is the plumbing firm's.
const env = setUpServerAndBrowser();

describe('the work-order portal as in Familjebostäder’s guide (steps 3–9)', () => {
  it('opens Översikt and a number in the status × type table opens the list filtered to it', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'elektriker');
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Översikt' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Översikt' }));
    const main = page.getByRole('main');

    // One table for the company, then one per client, each with its totals.
    const table = main.getByRole('table', { name: 'Exempelbostäder AB' });
    await visible(table);
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual([
      'Status',
      'Fel',
      'Garanti/Reklamation',
      'HLU',
      'Myndighet',
      'Rondering',
      'Tillval',
      'Underhåll',
      'Totalt',
    ]);
    const rows = await table.getByRole('rowheader').allTextContents();
    expect(rows.slice(0, 2)).toEqual(['Ny', 'Accepterad']);
    expect(rows.at(-1)).toBe('Totalt');
    await visible(main.getByRole('table', { name: 'Alla beställare' }));

    const cell = table.getByRole('link', { name: /^\d+ arbetsordrar?: Accepterad, Fel$/ });
    const count = Number(await cell.textContent());
    expect(count).toBeGreaterThan(0);
    await cell.click();

    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    const url = new URL(page.url());
    expect(url.searchParams.get('status')).toBe('accepted');
    expect(url.searchParams.get('type')).toBe('fault');
    expect(url.searchParams.get('client')).toMatch(/^[0-9a-f-]{36}$/);
    await visible(main.getByText(`Visar 1–${count} av ${count}`));
    // Familjebostäder keeps done orders with the contractor for 30 days, and the list says so.
    await visible(main.getByLabel('Utförda senaste 30 dagar', { exact: true }));
    const orderRows = main.getByRole('row').filter({ has: page.getByRole('link') });
    expect(await orderRows.count()).toBe(count);
    for (const row of await orderRows.all()) {
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('Accepterad');
      expect(text).toContain('Fel');
      expect(text).toContain('Exempelbostäder AB');
    }
    await context.close();
  });

  it('completes the stove with Egenskaper and Serienummer, which the appliance requires, and copies the invoice reference AO{number}', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await logIn(page, 'elektriker');
    const main = page.getByRole('main');
    const link = main.getByRole('row').filter({ hasText: 'Två av plattorna på spisen' }).getByRole('link');
    const number = (await link.textContent())?.trim() ?? '';
    await link.click();
    await visible(page.getByRole('heading', { level: 1, name: `Arbetsorder ${number}` }));

    // Avser: the unit and what is known about it (step 4).
    expect(await detail(main, 'Enhet').textContent()).toBe('Spis (vitvara)');
    expect(await detail(main, 'Anläggningstyp').textContent()).toBe('Vitvara');
    expect(await detail(main, 'Installerad').textContent()).toBe('2014-05-12');
    expect(await detail(main, 'Objekttyp').textContent()).not.toBe('—');
    expect(await detail(main, 'Våning').textContent()).not.toBe('—');
    expect(await detail(main, 'Inflyttning').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Fakturauppgifter: the reference to put on the invoice, AO and the number, copied with one click.
    const reference = detail(main, 'Referensnummer');
    expect(await reference.textContent()).toContain(`AO${number}`);
    await reference.getByRole('button', { name: 'Kopiera' }).click();
    await visible(reference.getByRole('button', { name: 'Kopierad' }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`AO${number}`);
    expect(await detail(main, 'Fakturaadress').textContent()).toBe(
      'Exempelbostäder AB, Box 92100, 120 07 Stockholm',
    );

    // Step 9: Utförd. For an appliance Egenskaper and Serienummer are required.
    await main.getByRole('button', { name: 'Utförd', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Klarmarkera arbetsorder ${number}` });
    await visible(dialog);
    await dialog.getByLabel('Åtgärdsbeskrivning').fill('Bytt två plattor och kontrollerat anslutningen.');
    await dialog.getByRole('button', { name: 'Utförd' }).click();
    expect(await dialog.getByText('Obligatoriskt fält').count()).toBe(2);
    await dialog.getByLabel(/^Egenskaper/).fill('Electrolux EKC6051');
    await dialog.getByLabel(/^Serienummer/).fill('94912345');
    await dialog.getByRole('button', { name: 'Utförd' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await visible(page.getByText(`Arbetsorder ${number} har status Utförd.`));
    expect(await detail(main, 'Egenskaper').textContent()).toBe('Electrolux EKC6051');
    expect(await detail(main, 'Serienummer').textContent()).toBe('94912345');
    // The order stays with the electricians for the client's 30 days, and says until when.
    const until = new Date(`${stockholmDate()}T12:00:00Z`);
    until.setUTCDate(until.getUTCDate() + 30);
    expect(await detail(main, 'Visas för entreprenören till och med').textContent()).toBe(
      until.toISOString().slice(0, 10),
    );
    expect(await eventRow(page, 'Status: Accepterad → Utförd').textContent()).toContain(
      'Bytt två plattor och kontrollerat anslutningen.',
    );
    await context.close();
  });

  it('accepts a bundle from one of its orders: both new orders on the object become Accepterad', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const main = page.getByRole('main');
    const link = main.getByRole('row').filter({ hasText: 'Det droppar från vattenlåset' }).getByRole('link');
    const number = (await link.textContent())?.trim() ?? '';
    await link.click();
    await visible(page.getByRole('heading', { level: 1, name: `Arbetsorder ${number}` }));

    const bundle = main.getByRole('region', { name: 'Bunt' });
    expect(await detail(bundle, 'Buntnummer').textContent()).toMatch(/^64010765-\d{8}$/);
    const other = detail(bundle, 'Övriga i bunten').getByRole('listitem');
    expect(await other.count()).toBe(1);
    expect(await other.textContent()).toMatch(/^Arbetsorder \d+Ny$/);

    await bundle.getByRole('button', { name: 'Acceptera bunten' }).click();
    await visible(page.getByText(/^Bunten 64010765-\d{8} är accepterad: arbetsorder \d+, \d+\.$/));
    await visible(main.getByRole('heading', { level: 1 }).locator('xpath=..').getByText('Accepterad'));
    await page.waitForFunction(() => !document.body.textContent?.includes('Acceptera bunten'));
    expect(await other.textContent()).toMatch(/^Arbetsorder \d+Accepterad$/);
    await visible(eventRow(page, 'Status: Ny → Accepterad'));

    // The other order of the bundle opens from here.
    await other.getByRole('link').click();
    await visible(page.getByRole('heading', { level: 1, name: /^Arbetsorder \d+$/ }));
    expect(await eventRow(page, 'Status: Ny → Accepterad').count()).toBe(1);
    await context.close();
  });
});
