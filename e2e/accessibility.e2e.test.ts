import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { openFirstOrderWithStatus } from './support/pages.ts';

const env = setUpServerAndBrowser();

/** A readable list for the failure message: rule, what it means, where. */
function describeViolations(violations: Awaited<ReturnType<typeof seriousViolations>>) {
  return violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('finds no serious or critical violations on the login page', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await visible(page.getByRole('heading', { name: 'Logga in' }));
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    await context.close();
  });

  it('finds no serious or critical violations on the inbox, on a desktop and on a phone', async () => {
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 360, height: 740 },
    ]) {
      const context = await newContext(env.browser(), env.server().baseUrl, viewport);
      const page = await context.newPage();
      await logIn(page, 'entreprenor');
      await visible(page.getByRole('main').getByText(/^Visar/));
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
      // Utförda, with the invoice references and their copy buttons (on a phone: Sortera på).
      await page.getByRole('main').getByLabel('Utförda senaste 6 mån', { exact: true }).check();
      await page.waitForURL((url) => url.search.includes('view=completed'));
      await visible(
        page
          .getByRole('main')
          .getByRole('button', { name: /^Kopiera AO\d+$/ })
          .first(),
      );
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
      await context.close();
    }
  });

  it('finds no serious or critical violations on the order page and its decline dialog', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    await openFirstOrderWithStatus(page, 'Ny');
    await visible(page.getByRole('region', { name: 'Noteringar' }));
    expect(describeViolations(await seriousViolations(page))).toEqual([]);

    await page.getByRole('main').getByRole('button', { name: 'Tacka nej' }).click();
    await visible(page.getByRole('dialog'));
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    await context.close();
  });

  it('finds no serious or critical violations on Översikt, on a desktop and on a phone', async () => {
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 360, height: 740 },
    ]) {
      const context = await newContext(env.browser(), env.server().baseUrl, viewport);
      const page = await context.newPage();
      await logIn(page, 'elektriker');
      await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Översikt' }).click();
      await visible(page.getByRole('table', { name: 'Exempelbostäder AB' }));
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
      await context.close();
    }
  });

  it('finds no serious or critical violations on an order with invoicing, bundle and planning, and in its Utförd dialog', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'elektriker');
    await page
      .getByRole('main')
      .getByRole('row')
      .filter({ hasText: 'Två av plattorna' })
      .getByRole('link')
      .click();
    await visible(page.getByRole('region', { name: 'Fakturauppgifter' }));
    await visible(page.getByRole('region', { name: 'Bunt' }));
    await visible(page.getByLabel('Bokat tid med anmälare'));
    expect(describeViolations(await seriousViolations(page))).toEqual([]);

    await page.getByRole('main').getByRole('button', { name: 'Utförd', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog);
    // With the errors of an empty close-out shown, too.
    await dialog.getByRole('button', { name: 'Utförd' }).click();
    await visible(dialog.getByText('Beskriv vad som har gjorts'));
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    await context.close();
  });

  it('finds no serious or critical violations on Mina jobb and a job on a 360×740 phone', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl, { width: 360, height: 740 });
    const page = await context.newPage();
    await logIn(page, 'tekniker');
    await visible(page.getByRole('main').getByRole('listitem').first().getByRole('link', { name: /^Ring/ }));
    expect(describeViolations(await seriousViolations(page))).toEqual([]);

    await page
      .getByRole('main')
      .getByRole('heading', { name: /^AO-nr/ })
      .first()
      .getByRole('link')
      .click();
    await visible(page.getByRole('heading', { level: 1, name: /^Arbetsorder \d+$/ }));
    await visible(page.getByRole('region', { name: 'Noteringar' }));
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    await context.close();
  });

  it('finds no serious or critical violations on the new-order form, also with its errors shown', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    await page.getByRole('link', { name: 'Registrera arbetsorder' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Registrera arbetsorder' }));
    expect(describeViolations(await seriousViolations(page))).toEqual([]);

    await page.getByRole('button', { name: 'Skicka till entreprenör' }).click();
    await visible(page.getByText('Rätta de markerade fälten.'));
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    await context.close();
  });
});
