import { describe, expect, it } from 'vitest';
import { createOperator } from '../server/modules/organizations/companies.usecases.ts';
import { systemClock } from '../server/platform/clock.ts';
import { seriousViolations } from './support/axe.ts';
import { DEMO_PASSWORD, logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { choose } from './support/pages.ts';

const env = setUpServerAndBrowser({
  extraMemberships: [{ username: 'entreprenor', orgName: 'Snabbfix El AB', role: 'technician' }],
  extraUsers: [{ username: 'supporten', name: 'Sam Support', orgName: 'Exempel Rör AB', role: 'support' }],
});

describe('the first operator (myMonitor "Skapa första kontot")', () => {
  it('opens the set-up link, chooses username and password, and creates a contractor whose first administrator gets an invitation', async () => {
    const { link } = await createOperator(
      { db: env.server().db, clock: systemClock, publicUrl: 'http://localhost:3000' },
      { email: 'drift@ordning.example', name: 'Dora Drift' },
    );
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await page.goto(new URL(link).pathname);
    await visible(page.getByRole('heading', { level: 1, name: 'Skapa första kontot' }));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Användarnamn').fill('drift');
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill('ett långt lösenord för drift');
    await page.getByRole('textbox', { name: 'Bekräfta lösenord' }).fill('ett långt lösenord för drift');
    await page.getByRole('button', { name: 'Skapa kontot' }).click();

    await visible(page.getByRole('heading', { level: 1, name: 'Företag' }));
    await page.getByRole('button', { name: 'Skapa företag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skapa företag' });
    await choose(page, dialog.getByRole('combobox', { name: 'Typ' }), 'Entreprenör');
    await dialog.getByRole('textbox', { name: 'Namn' }).fill('Nya Måleriet AB');
    await dialog.getByRole('textbox', { name: 'Organisationsnummer' }).fill('5567037485');
    await dialog
      .getByRole('textbox', { name: 'E-post till första administratören' })
      .fill('chef@maleriet.example');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Skapa och bjud in' }).click();
    await visible(page.getByRole('cell', { name: '556703-7485' }));

    // The outbox sends the invitation a moment later.
    let sent: { to: string[]; subject: string } | undefined;
    for (let i = 0; i < 60 && !sent; i++) {
      const mail = (await (await fetch(`${env.server().baseUrl}/api/dev/mail`)).json()) as {
        items: { to: string[]; subject: string }[];
      };
      sent = mail.items.find((m) => m.to.includes('chef@maleriet.example'));
      if (!sent) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(sent?.subject).toContain('Nya Måleriet AB');
    await context.close();
  });
});

describe('Mina företag', () => {
  it('lists every company of the user with its counts, and opens one', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    await page.getByRole('button', { name: /Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'Mina företag' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Mina företag' }));
    await visible(page.getByRole('link', { name: 'Öppna Exempel Rör AB' }));
    await visible(page.getByRole('link', { name: 'Öppna Snabbfix El AB' }));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Öppna Snabbfix El AB' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Mina jobb' }));
    expect(await page.getByRole('banner').getByLabel('Företag').inputValue()).toBe('Snabbfix El AB');
    await context.close();
  });

  it('Granskningslogg opens from the navigation and passes the accessibility checks', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const company = page.getByRole('banner').getByLabel('Företag');
    if ((await company.inputValue()) !== 'Exempel Rör AB') {
      await choose(page, company, 'Exempel Rör AB');
      await page.waitForURL(/\/work-orders/);
    }
    await page
      .getByRole('navigation', { name: 'Sidor' })
      .getByRole('link', { name: 'Granskningslogg' })
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'Granskningslogg' }));
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('a support user', () => {
  it('reaches no order pages: the start page is Mina företag and the navigation has no Arbetsordrar', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Användarnamn eller e-post').fill('supporten');
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Mina företag' }));
    const nav = page.getByRole('navigation', { name: 'Sidor' });
    expect(await nav.getByRole('link', { name: 'Arbetsordrar' }).count()).toBe(0);
    await context.close();
  });
});
