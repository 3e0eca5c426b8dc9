import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { slaDates } from '../server/modules/agreements/agreements.sla.ts';
import { demoAgreements } from '../server/modules/demo/demo.data.ts';
import { seriousViolations } from './support/axe.ts';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { choose, detail, eventRow, logOut, stockholmDate } from './support/pages.ts';

// The client's half of the guides: the coordinator registers from the register and dispatches,
// follows SLA, cancels (Familjebostäder step 3), sends a declined order elsewhere and marks invoiced.
const env = setUpServerAndBrowser();

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Opens the order whose row shows the description, from the list as it is now. */
async function openRow(page: Page, description: string): Promise<string> {
  const link = page.getByRole('main').getByRole('row').filter({ hasText: description }).getByRole('link');
  const number = (await link.first().textContent())?.trim() ?? '';
  await link.first().click();
  await visible(page.getByRole('heading', { level: 1, name: `Arbetsorder ${number}` }));
  return number;
}

/** The status badge beside the order's heading. */
function statusOf(page: Page) {
  return page.getByRole('heading', { level: 1 }).locator('xpath=..').locator('[data-status]');
}

describe('the client’s order from the register to Fakturerad', () => {
  it('the coordinator registers an order on an object picked from the register and sends it with SLA dates; the contractor accepts and completes it with Feltyp and Rotorsak; the coordinator marks it Fakturerad', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    await page.getByRole('main').getByRole('link', { name: 'Registrera arbetsorder' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Registrera arbetsorder' }));
    const form = page.getByRole('main');
    expect(await form.getByLabel('Från fastighetsregistret').isChecked()).toBe(true);

    // The object is found by its number; its place, access and tenant fill the form.
    const description = `Blandaren i köket droppar (e2e ${Date.now()})`;
    await choose(page, form.getByLabel('Typ av uppdrag'), 'Fel');
    await form.getByLabel('Uppdragsbeskrivning').fill(description);
    await form.getByLabel(/^Objekt( \*)?$/).fill('64010766');
    await page.getByRole('option', { name: /^64010766 · / }).click();
    await visible(form.getByRole('heading', { name: 'Uppgifter från registret' }));
    expect(await form.getByLabel(/^Gatuadress/).inputValue()).toBe('Torögatan 51');
    expect(await form.getByLabel('Objekttyp').inputValue()).toBe('2 rum och kök');
    expect(await form.getByLabel('Våning').inputValue()).toBe('2 av 2 (ej hiss)');
    const tenant = await form.getByLabel(/^Anmälarens namn/).inputValue();
    expect(tenant).not.toBe('');
    expect(
      await form
        .getByLabel(/^Telefonnummer/)
        .first()
        .inputValue(),
    ).toMatch(/^0[0-9 -]+$/);

    // Room, then one of its units; an appliance's model and serial number come along.
    await choose(page, form.getByLabel('Utrymme', { exact: true }), 'Kök (076501)');
    await form.getByLabel('Enhet', { exact: true }).click();
    await page.getByRole('option', { name: 'Diskmaskin (Vitvara)' }).click();
    expect(await form.getByLabel('Serienummer').inputValue()).toMatch(/^SN\d+$/);
    await visible(form.getByText('Diskmaskin är en vitvara'));
    // What the register says may be corrected for this order.
    await form.getByLabel('Nyckelinformation').fill('Nyckel hos grannen i 1 tr');

    // Only contractors whose agreement covers Fel are offered.
    await choose(page, form.getByLabel(/^Entreprenör( \*)?$/), 'Exempel Rör AB');
    await form.getByRole('button', { name: 'Skicka till entreprenör' }).click();

    const heading = page.getByRole('heading', { level: 1, name: /^Arbetsorder \d+$/ });
    await visible(heading);
    const number = (await heading.textContent())?.replace('Arbetsorder ', '') ?? '';
    await visible(page.getByText(`Arbetsorder ${number} är skickad till Exempel Rör AB.`));
    const main = page.getByRole('main');
    const orderUrl = page.url();
    expect(await statusOf(page).textContent()).toBe('Ny');
    expect(await detail(main, 'Objektnummer').textContent()).toBe('64010766');
    expect(await detail(main, 'Utrymme').textContent()).toBe('Kök (076501)');
    expect(await detail(main, 'Enhet').textContent()).toBe('Diskmaskin (vitvara)');
    expect(await detail(main, 'Namn').textContent()).toBe(tenant);
    expect(await detail(main, 'Nyckelinformation').textContent()).toBe('Nyckel hos grannen i 1 tr');
    // JM step 16: the dates the agreement gives, after the day the order was sent.
    // Normal priority with Exempel Rör AB: 3 and 21 working days, Swedish holidays left out.
    const expected = slaDates(demoAgreements.ror.slaRules, 'normal', stockholmDate());
    expect(await detail(main, 'Förväntad kontaktdag senast').textContent()).toBe(expected.contactBy);
    expect(await detail(main, 'Förväntad leveransdag senast').textContent()).toBe(expected.deliverBy);

    // The contractor accepts and completes it; its agreement requires Feltyp and Rotorsak.
    await logOut(page);
    await logIn(page, 'entreprenor');
    await openRow(page, description);
    await main.getByRole('button', { name: 'Acceptera', exact: true }).click();
    await visible(page.getByText(`Arbetsorder ${number} har status Accepterad.`));
    await main.getByRole('button', { name: 'Utförd', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Klarmarkera arbetsorder ${number}` });
    await dialog.getByLabel(/^Åtgärdsbeskrivning/).fill('Bytt packning i diskmaskinens tilloppsslang.');
    await dialog.getByRole('button', { name: 'Utförd' }).click();
    expect(await dialog.getByText('Obligatoriskt fält').count()).toBe(2);
    await choose(page, dialog.getByRole('combobox', { name: 'Feltyp' }), 'Slitage');
    await choose(page, dialog.getByRole('combobox', { name: 'Rotorsak' }), 'Ålder/slitage');
    await dialog.getByRole('button', { name: 'Utförd' }).click();
    await visible(page.getByText(`Arbetsorder ${number} har status Utförd.`));

    // The coordinator marks it Fakturerad.
    await logOut(page);
    await logIn(page, 'bestallare');
    await page.goto(orderUrl);
    await visible(heading);
    expect(await statusOf(page).textContent()).toBe('Utförd');
    expect(await detail(main, 'Feltyp').textContent()).toBe('Slitage');
    await main.getByRole('button', { name: 'Fakturerad', exact: true }).click();
    await visible(page.getByText(`Arbetsorder ${number} har status Fakturerad.`));
    await visible(eventRow(page, 'Status: Utförd → Fakturerad'));
    expect(await statusOf(page).textContent()).toBe('Fakturerad');
    await context.close();
  });

  it('the register-based order form has no serious accessibility violations, on a desktop and on a phone', async () => {
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 360, height: 740 },
    ]) {
      const context = await newContext(env.browser(), env.server().baseUrl, viewport);
      const page = await context.newPage();
      await logIn(page, 'bestallare');
      await page.getByRole('main').getByRole('link', { name: 'Registrera arbetsorder' }).click();
      const form = page.getByRole('main');
      await form.getByLabel(/^Objekt( \*)?$/).fill('Torögatan');
      await page.getByRole('option').first().click();
      await visible(form.getByRole('heading', { name: 'Uppgifter från registret' }));
      expect(await seriousViolations(page)).toEqual([]);
      // Nothing described yet: the errors are shown too.
      await form.getByRole('button', { name: 'Skicka till entreprenör' }).click();
      await visible(form.getByText('Rätta de markerade fälten.'));
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it('an order on a property’s common areas (Allmänt utrymme) takes the property’s address and has no object', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    await page.getByRole('main').getByRole('link', { name: 'Registrera arbetsorder' }).click();
    const form = page.getByRole('main');
    const description = `Torktumlaren i tvättstugan startar inte (e2e ${Date.now()})`;
    await form.getByLabel('Uppdragsbeskrivning').fill(description);
    await form.getByLabel('Fastighet', { exact: true }).fill('Rosenborg');
    await page.getByRole('option', { name: 'Solna Rosenborg 3', exact: true }).click();
    await form.getByLabel(/^Allmänt utrymme/).check();
    await visible(form.getByText('Ordern gäller fastighetens allmänna utrymmen.', { exact: false }));
    expect(await form.getByLabel(/^Objekt( \*)?$/).count()).toBe(0);
    expect(await form.getByLabel(/^Gatuadress/).inputValue()).not.toBe('');
    const street = await form.getByLabel(/^Gatuadress/).inputValue();
    await form.getByLabel('Utrymme', { exact: true }).fill('Tvättstuga');
    // No tenant lives in a laundry room: the reporter is given by hand.
    await form.getByRole('button', { name: 'Skicka till entreprenör' }).click();
    await visible(form.getByText('Rätta de markerade fälten.'));
    await form.getByLabel(/^Anmälarens namn/).fill('Brf Vågens styrelse');
    await form
      .getByLabel(/^Telefonnummer/)
      .first()
      .fill('08-465 004 10');
    await choose(page, form.getByLabel(/^Entreprenör( \*)?$/), 'Exempel Rör AB');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Skicka till entreprenör' }).click();

    await visible(page.getByRole('heading', { level: 1, name: /^Arbetsorder \d+$/ }));
    const main = page.getByRole('main');
    expect(await detail(main, 'Fastighet').textContent()).toBe('Solna Rosenborg 3');
    expect(await detail(main, 'Gatuadress').textContent()).toBe(street);
    expect(await detail(main, 'Utrymme').textContent()).toBe('Tvättstuga');
    await context.close();
  });

  it('Makulera asks for a reason; the contractor then sees the order as Makulerad and has an e-mail about it', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    const description = 'Kommer nästan inget vatten ur köksblandaren, varken varmt eller kallt.';
    const number = await openRow(page, description);
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Makulera' }).click();
    const dialog = page.getByRole('dialog', { name: `Makulera arbetsorder ${number}` });
    await dialog.getByRole('button', { name: 'Makulera' }).click();
    await visible(dialog.getByText('Ange en anledning'));
    await dialog.getByLabel(/^Anledning/).fill('Hyresgästen har flyttat ut.');
    await dialog.getByRole('button', { name: 'Makulera' }).click();
    await visible(page.getByText(`Arbetsorder ${number} har status Makulerad.`));
    expect(await eventRow(page, 'Status: Ny → Makulerad').textContent()).toContain(
      'Hyresgästen har flyttat ut.',
    );

    await logOut(page);
    await logIn(page, 'entreprenor');
    await main.getByLabel('Utförda').check();
    const row = main.getByRole('row').filter({ hasText: description });
    await visible(row);
    expect(await row.textContent()).toContain('Makulerad');

    // The contractor was told by e-mail too (the development mailbox keeps what would be sent).
    const mail = page.getByRole('main').getByRole('button', {
      name: new RegExp(`^Arbetsorder ${number} från Exempelbostäder AB är makulerad`),
    });
    await expect
      .poll(
        async () => {
          await page.goto('/dev/mail');
          await visible(page.getByRole('heading', { level: 1, name: 'E-post (utveckling)' }));
          return mail.count();
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await context.close();
  });

  it('a declined order is sent to another contractor, keeping its number and history, and the electricians then see it', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    const main = page.getByRole('main');
    const description = 'Varmvattnet tar lång tid att komma.';
    await main.getByLabel('Utförda').check();
    const number = await openRow(page, description);
    expect(await statusOf(page).textContent()).toBe('Avböjd');

    await main.getByRole('button', { name: 'Skicka till annan entreprenör' }).click();
    const dialog = page.getByRole('dialog', {
      name: `Skicka arbetsorder ${number} till en annan entreprenör`,
    });
    await visible(dialog.getByText('Exempel Rör AB har tackat nej.'));
    await dialog.getByLabel(/^Entreprenör/).click();
    // The contractor who declined is not offered again.
    expect(await page.getByRole('option').allTextContents()).toEqual(['Snabbfix El AB']);
    await page.getByRole('option', { name: 'Snabbfix El AB' }).click();
    await dialog.getByRole('button', { name: 'Skicka till annan entreprenör' }).click();
    await visible(page.getByText(`Arbetsorder ${number} är skickad till Snabbfix El AB.`));
    expect(await statusOf(page).textContent()).toBe('Ny');
    expect(await detail(main, 'Entreprenör').textContent()).toBe('Snabbfix El AB');
    expect(await detail(main, 'Förväntad kontaktdag senast').textContent()).toMatch(DATE);
    // The history stays: the first contractor's decline is still in the log.
    await visible(eventRow(page, 'Status: Ny → Avböjd'));

    await logOut(page);
    await logIn(page, 'elektriker');
    const row = main.getByRole('row').filter({ hasText: description });
    await visible(row);
    expect(await row.getByRole('link').textContent()).toBe(number);
    expect(await row.textContent()).toContain('Ny');
    await context.close();
  });

  it('a draft is edited (Redigera) and then sent to a contractor (Skicka till entreprenör)', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    const main = page.getByRole('main');
    const number = await openRow(page, 'Tillvalsbeställning: installation av diskmaskin');
    expect(await statusOf(page).textContent()).toBe('Utkast');

    await main.getByRole('button', { name: 'Redigera' }).click();
    const edit = page.getByRole('dialog', { name: `Redigera arbetsorder ${number}` });
    await visible(edit.getByLabel(/^Uppdragsbeskrivning/));
    expect(await seriousViolations(page)).toEqual([]);
    await choose(page, edit.getByRole('combobox', { name: 'Prioritet' }), 'Hög');
    await edit.getByLabel('Utförande tid/Tillträde').fill('Vardagar efter kl. 16');
    await edit.getByRole('button', { name: 'Spara ändringarna' }).click();
    await visible(page.getByText(`Arbetsorder ${number} är sparad.`));
    expect(await detail(main, 'Prioritet').textContent()).toBe('Hög');
    expect(await detail(main, 'Utförande tid/Tillträde').textContent()).toBe('Vardagar efter kl. 16');
    await visible(eventRow(page, 'Uppgifter ändrade'));

    await main.getByRole('button', { name: 'Skicka till entreprenör' }).click();
    const send = page.getByRole('dialog', { name: `Skicka arbetsorder ${number}` });
    await visible(
      send.getByText('Förväntad kontaktdag och leveransdag räknas från avtalet', { exact: false }),
    );
    expect(await seriousViolations(page)).toEqual([]);
    // The contractor the draft names is chosen already, once the covering contractors have come.
    await expect
      .poll(() => send.getByRole('combobox', { name: 'Entreprenör' }).inputValue())
      .toBe('Exempel Rör AB');
    await send.getByRole('button', { name: 'Skicka till entreprenör' }).click();
    await visible(page.getByText(`Arbetsorder ${number} är skickad till Exempel Rör AB.`));
    expect(await statusOf(page).textContent()).toBe('Ny');
    expect(await detail(main, 'Förväntad kontaktdag senast').textContent()).toMatch(DATE);
    // Sent and not yet accepted, it can still be edited; no longer a draft, it is not sent again.
    await visible(main.getByRole('button', { name: 'Redigera' }));
    expect(await main.getByRole('button', { name: 'Skicka till entreprenör' }).count()).toBe(0);
    await context.close();
  });

  it('a done order is reopened with a reason and is Accepterad again', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    const main = page.getByRole('main');
    await main.getByLabel('Utförda').check();
    const number = await openRow(page, 'Köksblandaren läcker vid pipen.');
    expect(await statusOf(page).textContent()).toBe('Utförd');
    await main.getByRole('button', { name: 'Återöppna' }).click();
    const dialog = page.getByRole('dialog', { name: `Återöppna arbetsorder ${number}` });
    await dialog.getByLabel(/^Anledning/).fill('Blandaren läcker fortfarande.');
    await dialog.getByRole('button', { name: 'Återöppna' }).click();
    await visible(page.getByText(`Arbetsorder ${number} har status Accepterad.`));
    expect(await eventRow(page, 'Status: Utförd → Accepterad').textContent()).toContain(
      'Blandaren läcker fortfarande.',
    );
    await context.close();
  });
});
