import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';

// The coordinator's follow-up: Översikt per contractor, Försenade, Fakturerad in bulk, Kvalitet.
const env = setUpServerAndBrowser();

type Json = Record<string, unknown>;

/** Calls the API from inside the app's page, with the session of whoever is logged in there. */
async function api<T = Json>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

async function loggedIn(user: string): Promise<{ context: BrowserContext; page: Page; org: string }> {
  const context = await newContext(env.browser(), env.server().baseUrl);
  const page = await context.newPage();
  await logIn(page, user);
  const org = new URL(page.url()).pathname.split('/')[2]!;
  return { context, page, org };
}

describe('following up as the client', () => {
  it('Översikt counts per contractor, and a number opens the list of that contractor’s orders', async () => {
    const { context, page } = await loggedIn('bestallare');
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Översikt' }).click();
    const main = page.getByRole('main');
    await visible(main.getByRole('table', { name: 'Alla entreprenörer' }));
    await visible(main.getByRole('table', { name: 'Snabbfix El AB' }));
    const ror = main.getByRole('table', { name: 'Exempel Rör AB' });
    const cell = ror.getByRole('link', { name: /^\d+ arbetsordrar?: Utförd, alla typer$/ });
    const count = Number(await cell.textContent());
    await cell.click();
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    expect(new URL(page.url()).searchParams.get('contractor')).toMatch(/^[0-9a-f-]{36}$/);
    await visible(main.getByText(`Visar 1–${count} av ${count}`));
    for (const row of await main
      .getByRole('row')
      .filter({ has: page.getByRole('link') })
      .all()) {
      expect(await row.textContent()).toContain('Exempel Rör AB');
    }
    await context.close();
  });

  it('Översikt narrowed to the overdue orders on one property: a number opens the same orders in the list', async () => {
    const { context, page, org } = await loggedIn('bestallare');
    // A property that has an overdue order in the demo, whichever it is today.
    const late = await api<{ items: { propertyName: string }[] }>(
      page,
      'GET',
      `/api/orgs/${org}/work-orders?view=active&overdue=any&limit=1`,
    );
    const property = late.items[0]!.propertyName;
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Översikt' }).click();
    const main = page.getByRole('main');
    const all = main.getByRole('table', { name: 'Alla entreprenörer' });
    const totalOf = async () =>
      Number(await all.getByRole('row').last().getByRole('cell').last().textContent());
    await visible(all);
    const everything = await totalOf();

    await main.getByLabel('Endast försenade').check();
    await page.waitForURL((url) => url.search.includes('overdue=yes'));
    await visible(main.getByRole('heading', { name: 'Urval av Exempelbostäder AB' }));
    await expect.poll(totalOf).toBeLessThan(everything);
    const overdue = await totalOf();
    expect(overdue).toBeGreaterThan(0);

    await main.getByLabel('Fastighet', { exact: true }).fill(property.split(' ').at(-2)!);
    await page.getByRole('option', { name: property, exact: true }).click();
    await page.waitForURL((url) => url.search.includes('property='));
    // The same count as the server's for the property: the table held the overdue orders of all
    // properties until then, which may be as many.
    const propertyId = new URL(page.url()).searchParams.get('property');
    const counts = await api<{ all: { rows: { total: number }[] } }>(
      page,
      'GET',
      `/api/orgs/${org}/work-orders/dashboard?propertyId=${propertyId}&overdue=any`,
    );
    const onProperty = counts.all.rows.reduce((sum, row) => sum + row.total, 0);
    expect(onProperty).toBeGreaterThan(0);
    expect(onProperty).toBeLessThanOrEqual(overdue);
    await expect.poll(totalOf).toBe(onProperty);
    expect(await seriousViolations(page)).toEqual([]);

    await all.getByRole('link', { name: /^\d+ arbetsord(er|rar): alla statusar, alla typer$/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('overdue');
    expect(url.searchParams.get('property')).toMatch(/^[0-9a-f-]{36}$/);
    await visible(main.getByText(`Visar 1–${onProperty} av ${onProperty}`));
    await expect.poll(() => main.getByLabel('Fastighet', { exact: true }).inputValue()).toBe(property);
    await context.close();
  });

  it('Försenade lists the active orders past their contact or delivery day, each flagged', async () => {
    const { context, page } = await loggedIn('bestallare');
    const main = page.getByRole('main');
    await main.getByLabel('Försenade').check();
    await page.waitForURL((url) => url.search.includes('view=overdue'));
    await visible(main.getByText(/^Visar 1–\d+ av \d+$/));
    await visible(main.getByRole('columnheader', { name: /Kontaktdag senast/ }));
    const rows = await main
      .getByRole('row')
      .filter({ has: page.getByRole('link') })
      .all();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(await row.textContent()).toMatch(/(Kontaktdag|Leveransdag) passerad/);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('marks several done orders Fakturerad at once from the completed list, and says which', async () => {
    const { context, page } = await loggedIn('bestallare');
    const main = page.getByRole('main');
    await main.getByLabel('Utförda').check();
    await visible(main.getByText(/^Visar/));
    const done = main
      .getByRole('row')
      .filter({ has: page.getByRole('link') })
      .filter({ has: page.getByText('Utförd', { exact: true }) });
    const first = (await done.nth(0).getByRole('link').textContent())?.trim() ?? '';
    const second = (await done.nth(1).getByRole('link').textContent())?.trim() ?? '';
    await main.getByRole('checkbox', { name: `Välj arbetsorder ${first}` }).check();
    await main.getByRole('checkbox', { name: `Välj arbetsorder ${second}` }).check();
    await visible(main.getByText('2 utförda valda'));
    // Only done orders can be picked: an invoiced one has no box.
    const invoiced = main
      .getByRole('row')
      .filter({ has: page.getByText('Fakturerad', { exact: true }) })
      .first();
    expect(await invoiced.getByRole('checkbox').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await main.getByRole('button', { name: 'Markera som fakturerade' }).click();
    const numbers = [first, second].map(Number).sort((a, b) => a - b);
    await visible(main.getByText(`2 arbetsordrar är markerade som fakturerade: ${numbers.join(', ')}.`));
    for (const number of numbers) {
      const row = main
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: String(number), exact: true }) });
      await visible(row.getByText('Fakturerad', { exact: true }));
    }
    await visible(main.getByText('0 utförda valda'));
    await context.close();
  });

  it('Kvalitet shows fault type × root cause, a chart per group and the repeat faults linking both orders', async () => {
    // An order on a unit is completed, and the same unit gets a new order: a repeat fault.
    const client = await loggedIn('bestallare');
    const contractor = await loggedIn('entreprenor');
    const base = `/api/orgs/${client.org}`;
    const found = await api<{ items: { id: string }[] }>(client.page, 'GET', `${base}/objects?q=64010765`);
    const object = await api<{
      rooms: { id: string; name: string; units: { id: string; name: string }[] }[];
    }>(client.page, 'GET', `${base}/objects/${found.items[0]!.id}`);
    const kitchen = object.rooms.find((r) => r.name === 'Kök')!;
    const sink = kitchen.units.find((u) => u.name === 'Diskbänk')!;
    const contractors = await api<{ items: { id: string; name: string }[] }>(
      client.page,
      'GET',
      `${base}/contractors`,
    );
    const ror = contractors.items.find((c) => c.name === 'Exempel Rör AB')!;
    const order = (description: string) =>
      api<{ id: string; number: number }>(client.page, 'POST', `${base}/work-orders`, {
        type: 'fault',
        priority: 'normal',
        description,
        objectId: found.items[0]!.id,
        roomId: kitchen.id,
        unitId: sink.id,
        contractorOrgId: ror.id,
      });
    const earlier = await order('Diskbänkens avlopp är stopp.');
    const move = (to: string, extra: Json = {}) =>
      api(contractor.page, 'POST', `/api/orgs/${contractor.org}/work-orders/${earlier.id}/transitions`, {
        to,
        ...extra,
      });
    await move('accepted');
    await move('done', {
      actionDescription: 'Rensat vattenlåset.',
      faultType: 'Handhavandefel',
      rootCause: 'Brukarfel',
    });
    const later = await order('Diskbänkens avlopp är stopp igen.');
    await contractor.context.close();

    const { context, page } = client;
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Kvalitet' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Kvalitet' }));
    const main = page.getByRole('main');
    await visible(main.getByText(/^\d+ utförda arbetsordrar \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}\.$/));

    // The chart: one bar per property, each with its name and number in text.
    const chart = main.getByRole('list', { name: 'Antal per fastighet' });
    await visible(chart.getByRole('listitem').filter({ hasText: 'Stockholm Tallkrogen 3' }));
    // The table: fault types down, root causes across, with totals.
    const table = main.getByRole('table', { name: 'Alla' });
    await visible(table.getByRole('rowheader', { name: 'Handhavandefel' }));
    await visible(table.getByRole('columnheader', { name: 'Brukarfel' }));
    await visible(table.getByRole('rowheader', { name: 'Totalt' }));
    expect(await main.getByRole('link', { name: 'Exportera (CSV)' }).getAttribute('href')).toMatch(
      /\/quality\/export\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&groupBy=property$/,
    );

    // Repeat faults: the completed order and the new one on the same sink, both linked.
    const repeats = main.getByRole('table', { name: 'Återkommande fel' });
    const repeat = repeats.getByRole('row').filter({ hasText: 'Diskbänk' });
    await visible(repeat.getByRole('link', { name: `Arbetsorder ${earlier.number}` }));
    await visible(repeat.getByRole('link', { name: `Arbetsorder ${later.number}` }));
    expect(await seriousViolations(page)).toEqual([]);

    // Grouped by unit type instead.
    await main.getByLabel('Anläggningstyp').check();
    await page.waitForURL((url) => url.search.includes('groupBy=unitType'));
    await visible(main.getByRole('list', { name: 'Antal per anläggningstyp' }).getByText('Sanitet'));

    await repeat.getByRole('link', { name: `Arbetsorder ${later.number}` }).click();
    await visible(page.getByRole('heading', { level: 1, name: `Arbetsorder ${later.number}` }));
    await context.close();
  });

  it('Kvalitet works on a 360 px phone without serious accessibility violations', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl, { width: 360, height: 740 });
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('button', { name: 'Mer' }).click();
    await page.getByRole('menuitem', { name: 'Kvalitet' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Kvalitet' }));
    await visible(page.getByRole('main').getByRole('list', { name: 'Antal per fastighet' }));
    expect(await seriousViolations(page)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await context.close();
  });
});
