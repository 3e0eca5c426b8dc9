import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';

const env = setUpServerAndBrowser();

describe('the language switch', () => {
  it('turns the UI English and back, remembers the choice and asks the server for English messages', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    const lang = () => page.evaluate(() => document.documentElement.lang);

    // Before logging in: the server's own error message follows the language too.
    await page.goto('/login');
    expect(await lang()).toBe('sv');
    await page.getByRole('button', { name: 'English' }).click();
    await visible(page.getByRole('heading', { name: 'Log in' }));
    expect(await lang()).toBe('en');
    await page.getByLabel('Username or e-mail').fill('entreprenor');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Wrong username or password' }));

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    const main = page.getByRole('main');
    await visible(page.getByRole('heading', { level: 1, name: 'Work orders' }));
    await visible(main.getByRole('button', { name: 'WO no.' }));
    await visible(main.getByLabel('Completed'));
    await visible(main.getByText('New', { exact: true }).first());

    // The choice is kept where the server reads it: the inbox comes drawn in English.
    const drawn = await page.reload();
    expect(await drawn!.text()).toMatch(/<html lang="en"[\s\S]*>Work orders<\/h1>/);
    await visible(page.getByRole('heading', { level: 1, name: 'Work orders' }));
    expect(await lang()).toBe('en');

    await page.getByRole('button', { name: 'Svenska' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    await visible(main.getByRole('button', { name: 'AO-nr' }));
    await visible(main.getByText('Ny', { exact: true }).first());
    expect(await lang()).toBe('sv');
    await context.close();
  });

  it('shows the Swedish server message for wrong credentials by default', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Användarnamn eller e-post').fill('entreprenor');
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'Fel användarnamn eller lösenord' }));
    await logIn(page, 'entreprenor');
    await context.close();
  });

  it('shows the client’s pages in English too, texts loaded with the pages and none left untranslated', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    await page.getByRole('button', { name: 'English' }).click();
    const nav = page.getByRole('navigation', { name: 'Pages' });
    const main = page.getByRole('main');
    // A text key shown instead of its text looks like "quality.title".
    const untranslated =
      /\b(register|csv|agreements|quality|placePicker|contractorPicker|dispatch|clientEdit)\.[a-z]/;

    await nav.getByRole('link', { name: 'Property register' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Property register' }));
    await main.getByRole('link', { name: 'Stockholm Tallkrogen 3' }).click();
    await visible(main.getByRole('heading', { name: 'Objects' }));
    expect(await main.textContent()).not.toMatch(untranslated);

    await nav.getByRole('link', { name: 'Agreements' }).click();
    await main.getByRole('link', { name: 'Exempel Rör AB' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Agreement with Exempel Rör AB' }));
    await visible(main.getByRole('cell', { name: '3 working days' }));
    expect(await main.textContent()).not.toMatch(untranslated);

    await nav.getByRole('link', { name: 'Quality' }).click();
    await visible(main.getByRole('heading', { name: 'Fault type × root cause' }));
    expect(await main.textContent()).not.toMatch(untranslated);

    await nav.getByRole('link', { name: 'Work orders' }).click();
    await main.getByRole('link', { name: 'Register work order' }).click();
    await visible(main.getByLabel('From the property register'));
    expect(await main.textContent()).not.toMatch(untranslated);
    await context.close();
  });
});
