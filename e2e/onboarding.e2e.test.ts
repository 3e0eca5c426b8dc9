import { Secret, TOTP } from 'otpauth';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { choose, logOut } from './support/pages.ts';

/**
 * Issue 6 "Done when": a company is brought in, staffed and secured entirely from the browser by
 * invitation, as the guides describe — the client's administrator invites a contractor by
 * organisation number (JM), its first administrator registers from the mail and invites a technician
 * (myMonitor), turns on an authenticator app and requires two-step verification for everyone; the
 * technician registers from their mail and must set up two-step verification before anything else.
 */
const env = setUpServerAndBrowser({
  extraUsers: [
    { username: 'kundadmin', name: 'Kim Kundadmin', orgName: 'Exempelbostäder AB', role: 'admin' },
  ],
});

type StoredMail = { id: string; to: string[]; subject: string; text: string };

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

function redeemPath(mail: StoredMail): string {
  const match = mail.text.match(/\/invitations\/[A-Za-z0-9_-]{20,}/);
  if (!match) throw new Error(`no redeem link in: ${mail.text}`);
  return match[0];
}

async function expectAccessible(page: Page) {
  const violations = await seriousViolations(page);
  expect(violations, JSON.stringify(violations)).toEqual([]);
}

async function register(
  page: Page,
  mail: StoredMail,
  person: { username: string; name: string; password: string },
) {
  await page.goto(redeemPath(mail));
  await visible(page.getByRole('heading', { level: 1, name: 'Lös in inbjudan' }));
  await page.getByLabel('Användarnamn').fill(person.username);
  await page.getByRole('textbox', { name: 'Namn', exact: true }).fill(person.name);
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(person.password);
  await page.getByRole('textbox', { name: 'Bekräfta lösenord' }).fill(person.password);
  await page.getByRole('button', { name: 'Registrera' }).click();
}

/** The authenticator-app steps, on Kontaktuppgifter or the required-enrolment page; returns the app. */
async function enrolApp(page: Page, scope: Locator, password: string): Promise<TOTP> {
  await scope.getByLabel('Nuvarande lösenord').fill(password);
  await scope.getByRole('button', { name: 'Fortsätt' }).click();
  await visible(page.getByRole('img', { name: 'QR-kod för appen' }));
  const key = ((await page.getByTestId('totp-key').textContent()) ?? '').replace(/\s/g, '');
  const app = new TOTP({ secret: Secret.fromBase32(key) });
  await scope.getByLabel('Ange koden som appen visar').fill(app.generate());
  await scope.getByRole('button', { name: 'Bekräfta' }).click();
  await visible(page.getByText('Dina återställningskoder'));
  expect(await page.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
  await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
  return app;
}

describe('bringing a contractor in, staffing and securing it from the browser', () => {
  it('Bjud in entreprenör → the first administrator registers, invites a technician and requires two-step verification → the technician must enrol', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();

    // 1. The client's administrator invites a contractor by organisation number (JM).
    await logIn(page, 'kundadmin');
    await page
      .getByRole('navigation', { name: 'Sidor' })
      .getByRole('link', { name: 'Bjud in entreprenör' })
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'Bjud in entreprenör' }));
    await expectAccessible(page);
    const orgNumber = page.getByRole('textbox', { name: 'Organisationsnummer' });
    await orgNumber.fill('556016-0681');
    await page.getByRole('textbox', { name: 'Företagsnamn' }).fill('Nya Ventilation AB');
    await page
      .getByRole('textbox', { name: 'E-post till första administratören' })
      .fill('vd@nyaventilation.example');
    await page.getByRole('button', { name: 'Bjud in entreprenör' }).click();
    // A mistyped number is refused at the field, in Swedish.
    expect(await orgNumber.getAttribute('aria-invalid')).toBe('true');
    await orgNumber.fill('5560160680');
    await page.getByRole('button', { name: 'Bjud in entreprenör' }).click();
    await visible(page.getByText('Entreprenören är tillagd och inbjudan skickad.'));
    await logOut(page);

    // 2. Its first administrator registers from the mail and lands in the new company.
    const adminMail = await mailTo('vd@nyaventilation.example');
    await register(page, adminMail, {
      username: 'ventilationsvd',
      name: 'Vera Ventil',
      password: 'ventilationens långa lösenord',
    });
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    expect(await page.getByRole('banner').getByLabel('Företag').inputValue()).toBe('Nya Ventilation AB');

    // 3. … invites a technician on Användare (myMonitor) …
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Användare' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Användare' }));
    await page.getByRole('button', { name: 'Bjud in användare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bjud in användare' });
    await dialog.getByLabel('E-postadresser').fill('montor@nyaventilation.example');
    await choose(page, dialog.getByRole('combobox', { name: 'Roll i Nya Ventilation AB' }), 'Tekniker');
    await dialog.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(
      page
        .getByRole('region', { name: 'Inbjudningar som väntar' })
        .getByText('montor@nyaventilation.example'),
    );

    // 4. … turns on an authenticator app on Kontaktuppgifter …
    await page.getByRole('button', { name: /Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'Kontaktuppgifter' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Kontaktuppgifter' }));
    await page.getByRole('button', { name: 'Aktivera med app' }).click();
    await enrolApp(
      page,
      page.getByRole('region', { name: 'Tvåstegsverifiering' }),
      'ventilationens långa lösenord',
    );
    await visible(page.getByText(/På, med app för autentisering/));

    // 5. … and requires two-step verification of every user of the company.
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Användare' }).click();
    const own = page.getByRole('row').filter({ hasText: 'Vera Ventil' });
    await visible(own.getByRole('cell', { name: 'På', exact: true }));
    await visible(own.getByText('Aktiv', { exact: true }));
    const requirement = () =>
      page.getByRole('switch', { name: 'Kräv tvåstegsverifiering för alla användare' });
    await visible(requirement());
    expect(await requirement().isChecked()).toBe(false);
    // With the keyboard, as anyone can.
    await requirement().focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => {
      const input = document.querySelector('input[role="switch"]') as HTMLInputElement | null;
      return input?.checked === true && !input.disabled;
    });
    // Saved on the server, not only switched on the screen.
    await page.reload();
    await visible(requirement());
    await page.waitForFunction(
      () => (document.querySelector('input[role="switch"]') as HTMLInputElement | null)?.disabled === false,
    );
    expect(await requirement().isChecked()).toBe(true);
    await expectAccessible(page);
    await logOut(page);

    // 6. The technician registers from the mail and reaches nothing before enrolling.
    const technicianMail = await mailTo('montor@nyaventilation.example');
    await register(page, technicianMail, {
      username: 'montor',
      name: 'Mats Montör',
      password: 'montörens långa lösenord',
    });
    await visible(page.getByRole('heading', { level: 1, name: 'Aktivera tvåstegsverifiering' }));
    await visible(page.getByText('Ditt företag kräver tvåstegsverifiering. Aktivera den för att fortsätta.'));
    await expectAccessible(page);
    // Going round the page does not help.
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Aktivera tvåstegsverifiering' }));
    await enrolApp(page, page.getByRole('main'), 'montörens långa lösenord');
    await visible(page.getByRole('heading', { level: 1, name: 'Mina jobb' }));
    expect(await page.getByRole('banner').getByLabel('Företag').inputValue()).toBe('Nya Ventilation AB');
    await context.close();
  });
});
