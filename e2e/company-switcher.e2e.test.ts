import { describe, expect, it } from 'vitest';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { choose } from './support/pages.ts';

// The plumbing firm's administrator also works for the electricians: one login, two companies.
const env = setUpServerAndBrowser({
  extraMemberships: [{ username: 'entreprenor', orgName: 'Snabbfix El AB', role: 'admin' }],
});

describe('the company switcher', () => {
  it('keeps the inbox view when switching, goes from an order to the other company’s inbox, and remembers the choice', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const company = page.getByRole('banner').getByLabel('Företag');
    const main = page.getByRole('main');
    if ((await company.inputValue()) !== 'Exempel Rör AB') {
      await choose(page, company, 'Exempel Rör AB');
      await page.waitForURL(/\/work-orders/);
    }
    const ror = new URL(page.url()).pathname;

    await main.getByLabel('Utförda').check();
    await main.getByRole('button', { name: 'AO-nr' }).click();
    await page.waitForURL((url) => url.search.includes('sort=number'));

    await choose(page, company, 'Snabbfix El AB');
    await page.waitForURL((url) => url.pathname !== ror);
    const el = new URL(page.url());
    expect(el.pathname).toMatch(/^\/orgs\/[0-9a-f-]{36}\/work-orders$/);
    expect(el.searchParams.get('view')).toBe('completed');
    expect(el.searchParams.get('sort')).toBe('number');
    await visible(main.getByText('Åtgärda anmärkningar från elrevisionen i tvättstugan.'));
    expect(await company.inputValue()).toBe('Snabbfix El AB');

    // From an order page the same order does not exist in the other company: its inbox opens instead.
    await main.getByRole('row').getByRole('link').first().click();
    await visible(page.getByRole('heading', { level: 1, name: /^Arbetsorder \d+$/ }));
    await choose(page, company, 'Exempel Rör AB');
    await page.waitForURL((url) => url.pathname === ror);
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));

    // The start page opens the company chosen last.
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === ror);
    expect(await company.inputValue()).toBe('Exempel Rör AB');
    await context.close();
  });
});
