import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { detail } from './support/pages.ts';

// The technician on a phone in a stairwell: Tove Lindqvist of Exempel Rör AB.
const env = setUpServerAndBrowser();
const PHONE = { width: 360, height: 740 };

async function height(locator: Locator): Promise<number> {
  return (await locator.boundingBox())?.height ?? 0;
}

describe('Mina jobb, the technician’s view', () => {
  it('on a 360×740 phone lists the assigned jobs as cards with the booked time, address, access, a tap-to-call button and the next step', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl, PHONE);
    const page = await context.newPage();
    await logIn(page, 'tekniker');
    const main = page.getByRole('main');
    await visible(page.getByRole('heading', { level: 1, name: 'Mina jobb' }));
    await visible(main.getByText('Visar 1–4 av 4'));

    const cards = main.getByRole('listitem');
    // The list of jobs is its own chunk (inbox-page.tsx), which may come after the count.
    await visible(cards.nth(3));
    expect(await cards.count()).toBe(4);
    const sections = await main.getByRole('heading', { level: 2 }).allTextContents();
    for (const section of sections) {
      expect(['Idag', 'Kommande', 'Bokad tid har passerat', 'Ingen tid bokad']).toContain(section);
    }
    expect(sections.at(-1)).toBe('Ingen tid bokad');

    for (const card of await cards.all()) {
      await visible(card.getByRole('heading', { name: /^AO-nr \d+$/ }));
      expect(await card.textContent()).toMatch(/Bokat \d{4}-\d{2}-\d{2} \d{2}:\d{2}|Ingen tid bokad/);
      const call = card.getByRole('link', { name: /^Ring [\d -]+$/ });
      await visible(call);
      expect(await call.getAttribute('href')).toMatch(/^tel:07\d{8}$/);
      expect(await height(call)).toBeGreaterThanOrEqual(44);
      const map = card.getByRole('link', { name: /öppnar kartan/ });
      expect(await map.getAttribute('href')).toMatch(/^https:\/\/www\.google\.com\/maps\/search\//);
      expect(await height(map)).toBeGreaterThanOrEqual(44);
      await visible(card.getByText('Tillgång till lägenhet:', { exact: true }));
      await visible(card.getByText('Nyckelinformation:', { exact: true }));
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // One tap moves a job on: the packing replacement has its material ordered.
    const job = cards.filter({ hasText: 'Byte av packningar' });
    const step = job.getByRole('button', { name: 'Material beställt' });
    expect(await height(step)).toBeGreaterThanOrEqual(44);
    await step.click();
    await visible(page.getByText(/^Arbetsorder \d+ har status Material beställt\.$/));
    await job.getByRole('button', { name: 'Material beställt' }).waitFor({ state: 'detached' });
    await visible(job.getByText('Material beställt', { exact: true }));
    await visible(job.getByRole('link', { name: 'Utförd' }));
    await context.close();
  });

  it('the card’s Utförd opens the order with the close-out dialog, and the order page puts big buttons at the top', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl, PHONE);
    const page = await context.newPage();
    await logIn(page, 'tekniker');
    const main = page.getByRole('main');
    const job = main.getByRole('listitem').filter({ hasText: 'Elementet i sovrummet' });
    const number = ((await job.getByRole('heading').textContent()) ?? '').replace('AO-nr ', '');
    await job.getByRole('link', { name: 'Utförd' }).click();

    const dialog = page.getByRole('dialog', { name: `Klarmarkera arbetsorder ${number}` });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).search).toBe('');

    // The moves come first, big, within the first screen.
    const done = main.getByRole('button', { name: 'Utförd', exact: true });
    const box = await done.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect((box?.y ?? 1000) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    // A technician books times but does not assign: no Entreprenörkontakt to choose, no invoicing.
    await visible(main.getByLabel('Bokat tid med anmälare'));
    expect(await main.getByLabel('Entreprenörkontakt').count()).toBe(0);
    expect(await main.getByRole('region', { name: 'Fakturauppgifter' }).count()).toBe(0);
    expect(await detail(main, 'Entreprenörkontakt').textContent()).toBe('Tove Lindqvist');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('sees only the orders assigned to them, and another order of the company answers as not found', async () => {
    const managerContext = await newContext(env.browser(), env.server().baseUrl);
    const manager = await managerContext.newPage();
    await logIn(manager, 'entreprenor');
    const unassigned = manager
      .getByRole('main')
      .getByRole('row')
      .filter({ hasText: 'Duschen droppar' })
      .getByRole('link');
    const foreignOrder = await unassigned.getAttribute('href');
    expect(foreignOrder).toMatch(/\/work-orders\/[0-9a-f-]{36}$/);
    await managerContext.close();

    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'tekniker');
    const main = page.getByRole('main');
    await visible(main.getByText('Visar 1–4 av 4'));
    expect(await main.getByText('Duschen droppar').count()).toBe(0);
    // A technician may register an order found on a round, but exports no invoicing file.
    await visible(main.getByRole('link', { name: 'Registrera arbetsorder' }));
    expect(await main.getByRole('link', { name: 'Exportera (CSV)' }).count()).toBe(0);

    await main.getByLabel('Utförda').check();
    await visible(main.getByText('Visar 1–1 av 1'));

    await page.goto(foreignOrder!);
    await visible(main.getByText('Arbetsordern finns inte, eller så har du inte tillgång till den.'));
    await context.close();
  });
});
