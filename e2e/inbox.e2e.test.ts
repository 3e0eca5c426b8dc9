import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { choose } from './support/pages.ts';

const env = setUpServerAndBrowser();

async function orderNumbers(page: Page): Promise<number[]> {
  const cells = await page.getByRole('main').getByRole('row').getByRole('link').allTextContents();
  return cells.map(Number);
}

async function waitForUrl(page: Page, part: string) {
  await page.waitForURL((url) => url.search.includes(part));
}

describe('the inbox', () => {
  it('keeps Utförda, a status filter and the sort in the address, and shows cards on a 360×740 phone', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const main = page.getByRole('main');

    await main.getByLabel('Utförda').check();
    await waitForUrl(page, 'view=completed');
    await choose(page, main.getByLabel('Status'), 'Utförd');
    await page.keyboard.press('Escape');
    // As in JM's portal, the filter waits for Applicera.
    expect(new URL(page.url()).searchParams.get('status')).toBeNull();
    await main.getByRole('button', { name: 'Applicera' }).click();
    await waitForUrl(page, 'status=done');
    await main.getByRole('button', { name: 'AO-nr' }).click();
    await waitForUrl(page, 'sort=number');

    await visible(main.getByText('Visar 1–3 av 3'));
    const ascending = await orderNumbers(page);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    const orderRows = main.getByRole('row').filter({ has: page.getByRole('link') });
    expect(await orderRows.filter({ hasText: 'Utförd' }).count()).toBe(3);

    await page.reload();
    await visible(main.getByText('Visar 1–3 av 3'));
    expect(await main.getByLabel('Utförda').isChecked()).toBe(true);
    expect(await main.getByRole('columnheader', { name: /AO-nr/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(await orderNumbers(page)).toEqual(ascending);

    await main.getByRole('button', { name: /AO-nr/ }).click();
    await waitForUrl(page, 'order=desc');
    await page.waitForFunction(
      (first) => document.querySelector('main tbody tr a')?.textContent !== first,
      String(ascending[0]),
    );
    expect(await orderNumbers(page)).toEqual([...ascending].reverse());
    const bookmark = page.url();
    await context.close();

    // The bookmarked view on a phone: the login page sends the user back to it, as cards.
    const phone = await newContext(env.browser(), env.server().baseUrl, { width: 360, height: 740 });
    const mobile = await phone.newPage();
    await mobile.goto(bookmark);
    await mobile.getByLabel('Användarnamn eller e-post').fill('entreprenor');
    await mobile.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(DEMO_PASSWORD);
    await mobile.getByRole('button', { name: 'Logga in' }).click();
    await visible(mobile.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    expect(mobile.url()).toBe(bookmark);
    const cards = mobile.getByRole('main').getByRole('listitem');
    await visible(cards.first());
    expect(await cards.count()).toBe(3);
    expect(await mobile.getByRole('table').count()).toBe(0);
    expect(await cards.first().getByRole('heading').textContent()).toBe(`AO-nr ${ascending[2]}`);
    expect(await cards.first().textContent()).toContain('Utförd');
    const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    // No column headers on a phone: Sortera på and Ordning do their work, in the address too.
    const phoneMain = mobile.getByRole('main');
    expect(await phoneMain.getByLabel('Sortera på', { exact: true }).inputValue()).toBe('AO-nr');
    await choose(mobile, phoneMain.getByLabel('Ordning', { exact: true }), 'Stigande');
    await mobile.waitForURL((url) => !url.search.includes('order=desc'));
    await mobile.waitForFunction(
      (first) => document.querySelector('main li h2')?.textContent === `AO-nr ${first}`,
      String(ascending[0]),
    );
    await choose(mobile, phoneMain.getByLabel('Sortera på', { exact: true }), 'Anmälare');
    await waitForUrl(mobile, 'sort=reporterName');
    expect(await cards.count()).toBe(3);
    await phone.close();
  });

  it('asks for no session on the login page or the inbox the server drew, and once, early, on a page the browser draws', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/me' || url.pathname.startsWith('/assets/')) asked.push(url.pathname);
    });
    await page.goto('/login');
    await visible(page.getByRole('heading', { name: 'Logga in' }));
    expect(asked.filter((p) => p === '/api/me')).toEqual([]);

    await logIn(page, 'entreprenor');
    asked.length = 0;
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    await visible(
      page
        .getByRole('main')
        .getByRole('row')
        .filter({ has: page.getByRole('link') })
        .first(),
    );
    // The server drew the inbox with the session it had: the app takes it over without asking.
    expect(asked.filter((p) => p === '/api/me')).toEqual([]);

    asked.length = 0;
    await page.goto('/settings/account');
    await visible(page.getByRole('heading', { level: 1, name: 'Kontaktuppgifter' }));
    // One session check, sent by the page's HTML: before the shell's code was asked for, which the
    // app itself asks for first thing when it runs.
    expect(asked.filter((p) => p === '/api/me')).toEqual(['/api/me']);
    const layoutCode = asked.findIndex((p) => p.startsWith('/assets/app-layout'));
    expect(layoutCode).toBeGreaterThan(-1);
    expect(asked.indexOf('/api/me')).toBeLessThan(layoutCode);
    await context.close();
  });
});
