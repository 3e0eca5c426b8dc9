import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { choose, waitForSearch } from './support/pages.ts';

// JM's guide, steps 10–12, and Familjebostäder's bundles (step 4), as the plumbing firm's administrator.
const env = setUpServerAndBrowser();

/** The rows of the inbox table that hold an order (not the bundle headings). */
function orderRows(page: Page) {
  return page
    .getByRole('main')
    .getByRole('row')
    .filter({ has: page.getByRole('link') });
}

async function columnTexts(page: Page, column: number): Promise<string[]> {
  return orderRows(page).evaluateAll(
    (rows, index) => rows.map((row) => (row as HTMLTableRowElement).cells[index]?.textContent?.trim() ?? ''),
    column,
  );
}

async function headers(page: Page): Promise<string[]> {
  const cells = await page.getByRole('main').getByRole('columnheader').allTextContents();
  return cells.map((c) => c.replace(/sorterad (stigande|fallande)/, '').trim());
}

describe("the contractor's inbox (JM steps 10–12)", () => {
  it('lists the active orders with JM’s columns; Sök finds the mixer order by "blandaren" and an order by the start of its Beställningsnr', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const main = page.getByRole('main');

    expect(await headers(page)).toEqual([
      'Status',
      'Prioritet',
      'AO-nr',
      'Entreprenörkontakt',
      'Typ av uppdrag',
      'Uppdragsbeskrivning',
      'Företag',
      'Fastighet',
      'Gatuadress',
      'Beställning skickad',
      'Anmälare',
      'Beställare',
    ]);
    expect(await main.getByLabel('Aktiva').isChecked()).toBe(true);
    const statuses = new Set(await columnTexts(page, 0));
    for (const status of statuses)
      expect(status).toMatch(/^(Ny|Accepterad|Material beställt|Anmälare svarar inte)/);

    // "blandaren" finds "blandare" by its Swedish stem; the search lands in the address.
    await main.getByRole('searchbox', { name: 'Sök' }).fill('blandaren');
    await waitForSearch(page, 'q=blandaren');
    const mixer = orderRows(page).filter({ hasText: 'Kommer nästan inget vatten ur köksblandaren' });
    await visible(mixer);
    // The mixer order is on the unfiltered list too: wait for the search's own list, every row a match.
    await expect
      .poll(async () => (await orderRows(page).allTextContents()).map((text) => text.toLowerCase()), {
        timeout: 15_000,
      })
      .toSatisfy((texts: string[]) => texts.length > 0 && texts.every((text) => text.includes('blandare')));

    await page.reload();
    await visible(mixer);
    expect(await main.getByRole('searchbox', { name: 'Sök' }).inputValue()).toBe('blandaren');

    // The client's own number (JM's Beställningsnr) stands under the AO-nr, and Sök finds it by its start.
    await main.getByRole('searchbox', { name: 'Sök' }).fill('241129-1461');
    await waitForSearch(page, 'q=241129-1461');
    const film = orderRows(page).filter({ hasText: 'Test med filmklipp' });
    await visible(film);
    await expect.poll(() => orderRows(page).count(), { timeout: 15_000 }).toBe(1);
    expect(await film.getByRole('cell').nth(2).textContent()).toMatch(/^\d+241129-146105-15$/);
    await context.close();
  });

  it('sorts on Entreprenörkontakt, filters on Status and Typ av uppdrag with Applicera, and shows Utförda senaste 6 mån with invoice references to copy', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const main = page.getByRole('main');

    await main.getByRole('button', { name: 'Entreprenörkontakt' }).click();
    await waitForSearch(page, 'sort=contractorContact');
    const contactHeader = main.getByRole('columnheader', { name: /Entreprenörkontakt/ });
    expect(await contactHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.waitForFunction(
      () => document.querySelector('main tbody tr td:nth-child(4)')?.textContent !== '—',
    );
    const contacts = await columnTexts(page, 3);
    // The assigned orders first, in name order; the unassigned ones last.
    const named = contacts.filter((c) => c !== '—');
    expect(named.length).toBeGreaterThan(0);
    expect(contacts.slice(0, named.length)).toEqual(named);

    // As in JM's portal, the filters wait for Applicera.
    await choose(page, main.getByLabel('Status'), 'Ny');
    await page.keyboard.press('Escape');
    await choose(page, main.getByLabel('Typ av uppdrag'), 'Fel');
    await page.keyboard.press('Escape');
    expect(new URL(page.url()).searchParams.get('status')).toBeNull();
    await main.getByRole('button', { name: 'Applicera' }).click();
    await waitForSearch(page, 'status=new');
    await waitForSearch(page, 'type=fault');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('main tbody tr')].every((row) => row.textContent?.includes('Ny')),
    );
    expect(new Set(await columnTexts(page, 0))).toEqual(new Set(['Ny']));
    expect(new Set(await columnTexts(page, 4))).toEqual(new Set(['Fel']));

    // Utförda reaches back as far as the client's window: six months at Exempelbostäder, as at JM.
    await main.getByLabel('Utförda senaste 6 mån', { exact: true }).check();
    await waitForSearch(page, 'view=completed');
    await visible(main.getByRole('columnheader', { name: /Referensnummer/ }));
    await visible(main.getByRole('columnheader', { name: /Utförd/ }));
    for (const status of await columnTexts(page, 0))
      expect(status).toMatch(/^(Utförd|Avböjd|Fakturerad|Makulerad)/);
    // The billable done orders carry the client's reference: AO and the number, nothing between,
    // with a button that copies it without opening the order.
    const billable = orderRows(page)
      .filter({ has: page.getByRole('button', { name: /^Kopiera AO\d+$/ }) })
      .first();
    const number = (await billable.getByRole('link').textContent())?.trim() ?? '';
    const row = orderRows(page).filter({ has: page.getByRole('link', { name: number, exact: true }) });
    await row.getByRole('button', { name: `Kopiera AO${number}`, exact: true }).click();
    await visible(row.getByRole('button', { name: `Kopierad AO${number}`, exact: true }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`AO${number}`);
    expect(new URL(page.url()).pathname).toMatch(/\/work-orders$/);
    await context.close();
  });

  it('offers the list as it is filtered as a CSV file with the invoice references', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const main = page.getByRole('main');
    await main.getByLabel(/^Utförda/).check();
    await waitForSearch(page, 'view=completed');

    const link = main.getByRole('link', { name: 'Exportera (CSV)' });
    await page.waitForFunction(() =>
      document.querySelector('main a[download]')?.getAttribute('href')?.includes('view=completed'),
    );
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/orgs\/[0-9a-f-]{36}\/work-orders\/export\.csv\?view=completed/);
    const response = await page.request.get(href, { headers: { 'accept-language': 'sv' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    const csv = await response.text();
    expect(csv).toContain('Referensnummer');
    expect(csv).toMatch(/;AO\d+;/);
    await context.close();
  });

  it('groups the list by Buntnummer and accepts the bundle of two new orders in one go', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const main = page.getByRole('main');

    await main.getByLabel('Gruppera per bunt').check();
    await waitForSearch(page, 'group=bundle');
    const heading = page.getByRole('rowheader', { name: /^Buntnummer 64010765-\d{8} \(2 arbetsordrar\)/ });
    await visible(heading);
    const bundle = ((await heading.textContent()) ?? '').match(/64010765-\d{8}/)?.[0] ?? '';
    const group = main.getByRole('rowgroup').filter({ has: heading });
    expect(await group.getByRole('row').filter({ hasText: 'Ny' }).count()).toBe(2);

    await group.getByRole('button', { name: 'Acceptera bunten' }).click();
    await visible(page.getByText(new RegExp(`^Bunten ${bundle} är accepterad: arbetsorder \\d+, \\d+\\.$`)));
    await group.getByRole('button', { name: 'Acceptera bunten' }).waitFor({ state: 'detached' });
    expect(await group.getByRole('row').filter({ hasText: 'Accepterad' }).count()).toBe(2);
    await context.close();
  });
});
