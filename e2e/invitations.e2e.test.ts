import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { DEMO_PASSWORD, logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { choose, logOut } from './support/pages.ts';

const env = setUpServerAndBrowser();

type StoredMail = { id: string; to: string[]; subject: string; text: string };

/** The newest mail to the address in the development mailbox, once the outbox has sent it. */
async function mailTo(address: string): Promise<StoredMail> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const res = await fetch(`${env.server().baseUrl}/api/dev/mail`);
    const mail = ((await res.json()) as { items: StoredMail[] }).items.find((m) => m.to.includes(address));
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${address}`);
}

/** The redeem link's path from the mail (its host is the configured PUBLIC_URL, not the test server). */
function redeemPath(mail: StoredMail): string {
  const match = mail.text.match(/\/invitations\/[A-Za-z0-9_-]{20,}/);
  if (!match) throw new Error(`no redeem link in: ${mail.text}`);
  return match[0];
}

async function openUsers(page: Page) {
  await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Användare' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Användare' }));
}

async function invite(page: Page, email: string, role?: string) {
  await page.getByRole('button', { name: 'Bjud in användare' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bjud in användare' });
  await visible(dialog);
  await dialog.getByLabel('E-postadresser').fill(email);
  if (role) await choose(page, dialog.getByRole('combobox', { name: 'Roll i Exempel Rör AB' }), role);
  await dialog.getByRole('button', { name: 'Skicka inbjudan' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await visible(page.getByRole('region', { name: 'Inbjudningar som väntar' }).getByText(email));
}

describe('the JM invitation flow', () => {
  it('an admin invites by e-mail on Användare; the invitee opens the mailed link, registers and lands in the company', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    await openUsers(page);
    expect(await seriousViolations(page)).toEqual([]);
    await invite(page, 'ny.tekniker@exempelror.example');
    await logOut(page);

    const mail = await mailTo('ny.tekniker@exempelror.example');
    expect(mail.subject).toContain('Exempel Rör AB');
    await page.goto(redeemPath(mail));
    await visible(page.getByRole('heading', { level: 1, name: 'Lös in inbjudan' }));
    await visible(page.getByText('Exempel Rör AB'));
    expect(await page.getByLabel('E-post').inputValue()).toBe('ny.tekniker@exempelror.example');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Användarnamn').fill('nytekniker');
    await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Nils Nyman');
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill('ett långt lösenord för nils');
    await page.getByRole('textbox', { name: 'Bekräfta lösenord' }).fill('ett långt lösenord för nils');
    await page.getByRole('button', { name: 'Registrera' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Mina jobb' }));
    expect(await page.getByRole('banner').getByLabel('Företag').inputValue()).toBe('Exempel Rör AB');

    // The link is used up: opening it again says so.
    await page.goto(redeemPath(mail));
    await visible(page.getByText('Inbjudan är redan använd'));
    await context.close();
  });

  it('"Jag har ett befintligt konto": log in, come back and Anslut kontot adds the company', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    await openUsers(page);
    await invite(page, 'elektriker@snabbfixel.example', 'Arbetsledare');
    await logOut(page);

    const path = redeemPath(await mailTo('elektriker@snabbfixel.example'));
    await page.goto(path);
    await page.getByRole('link', { name: 'Jag har ett befintligt konto' }).click();
    await visible(page.getByRole('heading', { name: 'Logga in' }));
    await page.getByLabel('Användarnamn eller e-post').fill('elektriker');
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await visible(page.getByRole('heading', { name: 'Anslut kontot' }));
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Anslut kontot' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    expect(await page.getByRole('banner').getByLabel('Företag').inputValue()).toBe('Exempel Rör AB');
    await context.close();
  });
});

describe('Användare', () => {
  it('an admin changes a role and disables a user, whose open session ends at once', async () => {
    const techContext = await newContext(env.browser(), env.server().baseUrl);
    const tech = await techContext.newPage();
    await logIn(tech, 'tekniker');

    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    await openUsers(page);
    const row = page.getByRole('row').filter({ hasText: 'Tove Lindqvist' });

    await page.getByRole('button', { name: 'Åtgärder för Tove Lindqvist' }).click();
    await page.getByRole('menuitem', { name: 'Ändra roll' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra roll för Tove Lindqvist' });
    await visible(dialog);
    expect(await seriousViolations(page)).toEqual([]);
    await choose(page, dialog.getByRole('combobox', { name: 'Roll' }), 'Arbetsledare');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await visible(row.getByRole('cell', { name: 'Arbetsledare', exact: true }));

    await page.getByRole('button', { name: 'Åtgärder för Tove Lindqvist' }).click();
    await page.getByRole('menuitem', { name: 'Inaktivera' }).click();
    const confirm = page.getByRole('dialog', { name: 'Inaktivera: Tove Lindqvist' });
    await confirm.getByRole('button', { name: 'Inaktivera' }).click();
    await visible(row.getByText('Inaktiverad'));

    await tech.reload();
    await visible(tech.getByRole('heading', { name: 'Logga in' }));
    await context.close();
    await techContext.close();
  });
});
