import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../server/modules/identity/identity.table.ts';
import { seriousViolations } from './support/axe.ts';
import { DEMO_PASSWORD, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { logOut } from './support/pages.ts';

// Three people the demo lacks, each for one flow: given a password by an administrator
// (Familjebostäder), turning on an authenticator app (myMonitor), and having forgotten the password.
const env = setUpServerAndBrowser({
  extraUsers: [
    { username: 'nyanstalld', name: 'Nyanställd Person', orgName: 'Exempelbostäder AB', role: 'coordinator' },
    { username: 'tvasteg', name: 'Tvåsteg Testsson', orgName: 'Exempelbostäder AB', role: 'coordinator' },
    { username: 'glomsk', name: 'Glömsk Person', orgName: 'Exempelbostäder AB', role: 'coordinator' },
  ],
});

beforeAll(async () => {
  // As the sibling feature "create user with a given password" leaves the account.
  await env
    .server()
    .db.update(users)
    .set({ mustChangePassword: true })
    .where(eq(users.username, 'nyanstalld'));
});

async function fillLogin(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Användarnamn eller e-post').fill(username);
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** A form field by its label; required fields' labels end in an asterisk that is not part of the name. */
function field(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

async function expectAccessible(page: Page) {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

type StoredMail = { id: string; to: string[]; subject: string; text: string };

async function mailTo(address: string, subject: string): Promise<StoredMail> {
  const until = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${env.server().baseUrl}/api/dev/mail`);
    const items = ((await res.json()) as { items: StoredMail[] }).items;
    const found = items.find((m) => m.to.includes(address) && m.subject === subject);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no mail "${subject}" to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('accounts in the browser, in Swedish', () => {
  it('Familjebostäder’s first login: check the contact details and change the password before anything else', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl, { width: 390, height: 844 });
    const page = await context.newPage();
    await fillLogin(page, 'nyanstalld');
    await visible(
      page.getByRole('heading', { level: 1, name: 'Kontrollera dina kontaktuppgifter och byt lösenord' }),
    );
    await expectAccessible(page);
    // The app itself stays closed until the step is done.
    await page.goto('/settings/account');
    await visible(
      page.getByRole('heading', { level: 1, name: 'Kontrollera dina kontaktuppgifter och byt lösenord' }),
    );
    expect(await field(page, 'Namn').inputValue()).toBe('Nyanställd Person');
    await field(page, 'Mobil').fill('070-123 45 67');
    await field(page, 'Nytt lösenord').fill('kort');
    await field(page, 'Bekräfta nytt lösenord').fill('kort');
    await page.getByRole('button', { name: 'Spara och fortsätt' }).click();
    await visible(page.getByText('Minst 15 tecken', { exact: true }));
    // A common password passes the length check here; the server names the reason.
    await field(page, 'Nytt lösenord').fill('1qaz2wsx3edc4rfv');
    await field(page, 'Bekräfta nytt lösenord').fill('1qaz2wsx3edc4rfv');
    await page.getByRole('button', { name: 'Spara och fortsätt' }).click();
    await visible(page.getByText('Lösenordet är för vanligt och lätt att gissa. Välj ett annat.'));
    await field(page, 'Nytt lösenord').fill('mitt eget långa lösenord');
    await field(page, 'Bekräfta nytt lösenord').fill('mitt eget långa lösenord');
    await page.getByRole('button', { name: 'Spara och fortsätt' }).click();
    // On to the page first asked for, now open, with the details saved.
    await visible(page.getByRole('heading', { level: 1, name: 'Kontaktuppgifter' }));
    expect(await field(page, 'Mobil').inputValue()).toBe('070-123 45 67');
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    await context.close();
  });

  it('turns on an authenticator app on Kontaktuppgifter, logs out, and logs in with a code', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await fillLogin(page, 'tvasteg');
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    await page.getByRole('button', { name: /Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'Kontaktuppgifter' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Kontaktuppgifter' }));
    await visible(page.getByRole('heading', { level: 2, name: 'Inloggningar' }));
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Aktivera med app' }).click();
    const section = page.getByRole('region', { name: 'Tvåstegsverifiering' });
    await section.getByLabel('Nuvarande lösenord').fill(DEMO_PASSWORD);
    await section.getByRole('button', { name: 'Fortsätt' }).click();
    await visible(page.getByRole('img', { name: 'QR-kod för appen' }));
    const key = ((await page.getByTestId('totp-key').textContent()) ?? '').replace(/\s/g, '');
    const totp = new TOTP({ secret: Secret.fromBase32(key) });
    await section.getByLabel('Ange koden som appen visar').fill(totp.generate());
    await section.getByRole('button', { name: 'Bekräfta' }).click();
    await visible(page.getByText('Dina återställningskoder'));
    expect(await page.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
    await visible(page.getByText(/På, med app för autentisering\. Återställningskoder kvar: 10/));

    await logOut(page);
    // The enrolment used this 30-second step's code; the next login needs a newer one.
    const stepMs = 30_000;
    await page.waitForTimeout(stepMs - (Date.now() % stepMs) + 500);
    await fillLogin(page, 'tvasteg');
    await visible(page.getByRole('heading', { level: 1, name: 'Tvåstegsverifiering' }));
    const code = field(page, 'Kod');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await visible(page.getByRole('button', { name: 'Använd en återställningskod' }));
    await expectAccessible(page);
    await code.fill('000000');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await visible(page.getByText('Koden stämmer inte eller har redan använts'));
    await code.fill(totp.generate());
    await page.getByRole('button', { name: 'Logga in' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    await context.close();
  });

  it('resets a forgotten password with the link in the mail', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Glömt lösenord?' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Glömt lösenord' }));
    await expectAccessible(page);
    await field(page, 'E-post').fill('glomsk@e2e.example');
    await page.getByRole('button', { name: 'Skicka länk' }).click();
    await visible(page.getByText(/Om adressen hör till ett konto har vi skickat en länk dit/));

    const mail = await mailTo('glomsk@e2e.example', 'Återställ ditt lösenord');
    const link = mail.text.match(/http:\/\/[^\s]+\/aterstall-losenord\/[A-Za-z0-9_-]+/)![0];
    await page.goto(new URL(link).pathname);
    await visible(page.getByRole('heading', { level: 1, name: 'Välj nytt lösenord' }));
    await expectAccessible(page);
    await field(page, 'Nytt lösenord').fill('ett alldeles nytt lösenord');
    await field(page, 'Bekräfta nytt lösenord').fill('ett annat lösenord här');
    await page.getByRole('button', { name: 'Spara' }).click();
    await visible(page.getByText('Lösenorden är inte lika'));
    await field(page, 'Bekräfta nytt lösenord').fill('ett alldeles nytt lösenord');
    await page.getByRole('button', { name: 'Spara' }).click();
    await visible(page.getByText('Lösenordet är bytt. Logga in med det nya.'));
    await fillLogin(page, 'glomsk', 'ett alldeles nytt lösenord');
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    // The link works once.
    await page.goto(new URL(link).pathname);
    await visible(page.getByText('Länken gäller inte längre. Be om en ny.'));
    await context.close();
  });
});
