import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { choose, detail, logOut, stockholmDate } from './support/pages.ts';

// Agreements are set by the client's administrator, whom the demo lacks: added here.
const env = setUpServerAndBrowser({
  extraUsers: [
    { username: 'forvaltare', name: 'Fanny Förvaltare', orgName: 'Exempelbostäder AB', role: 'admin' },
  ],
});

async function openAgreement(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Avtal' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Avtal' }));
  await page.getByRole('main').getByRole('link', { name }).click();
  await visible(page.getByRole('heading', { level: 1, name: `Avtal med ${name}` }));
}

/** The SLA table's row for a priority, as the agreement page shows it. */
async function slaRow(page: Page, priority: string) {
  return page
    .getByRole('table', { name: 'SLA per prioritet' })
    .getByRole('row', { name: new RegExp(`^${priority}`) })
    .textContent();
}

describe('agreements', () => {
  it('the client’s administrator changes an SLA rule, and an order sent afterwards gets the new dates', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'forvaltare');
    await openAgreement(page, 'Exempel Rör AB');
    expect(await slaRow(page, 'Normal')).toBe('Normal3 arbetsdagar21 arbetsdagar');
    expect(await seriousViolations(page)).toEqual([]);

    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Ändra villkor' }).click();
    const normal = main.getByRole('group', { name: 'Normal' });
    await choose(page, normal.getByRole('combobox', { name: 'Kontaktdag räknas i' }), 'Kalenderdagar');
    await normal.getByLabel('Dagar till kontakt').fill('10');
    await choose(page, normal.getByRole('combobox', { name: 'Leveransdag räknas i' }), 'Kalenderdagar');
    await normal.getByLabel('Dagar till leverans').fill('30');
    // A reference template with a space is refused on its field before anything is sent.
    await main.getByLabel(/^Referensnummer/).fill('AO {number}');
    await main.getByRole('button', { name: 'Spara avtalet' }).click();
    await visible(main.getByText('Ska innehålla {number} och inga mellanslag, högst 40 tecken'));
    expect(await seriousViolations(page)).toEqual([]);
    await main.getByLabel(/^Referensnummer/).fill('AO{number}');
    await main.getByRole('button', { name: 'Spara avtalet' }).click();
    await visible(page.getByText('Avtalet med Exempel Rör AB är sparat.'));
    expect(await slaRow(page, 'Normal')).toBe('Normal10 kalenderdagar30 kalenderdagar');

    // An order of priority Normal sent now is due for contact in 10 days and delivery in 30.
    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Arbetsordrar' }).click();
    await main.getByRole('link', { name: 'Registrera arbetsorder' }).click();
    await main.getByLabel('Uppdragsbeskrivning').fill('Elementet i vardagsrummet är kallt.');
    await main.getByLabel(/^Objekt( \*)?$/).fill('64010765');
    await page.getByRole('option', { name: /^64010765 · / }).click();
    await visible(main.getByRole('heading', { name: 'Uppgifter från registret' }));
    await choose(page, main.getByLabel(/^Entreprenör( \*)?$/), 'Exempel Rör AB');
    await main.getByRole('button', { name: 'Skicka till entreprenör' }).click();
    await visible(page.getByRole('heading', { level: 1, name: /^Arbetsorder \d+$/ }));
    expect(await detail(main, 'Prioritet').textContent()).toBe('Normal');
    expect(await detail(main, 'Förväntad kontaktdag senast').textContent()).toBe(stockholmDate(10));
    expect(await detail(main, 'Förväntad leveransdag senast').textContent()).toBe(stockholmDate(30));
    await context.close();
  });

  it('an order type the agreement no longer covers is not offered to that contractor', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'forvaltare');
    await openAgreement(page, 'Snabbfix El AB');
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Ändra villkor' }).click();
    await main.getByRole('checkbox', { name: 'Rondering' }).uncheck();
    await main.getByRole('button', { name: 'Spara avtalet' }).click();
    await visible(page.getByText('Avtalet med Snabbfix El AB är sparat.'));
    expect(await detail(main, 'Typer av uppdrag').textContent()).not.toContain('Rondering');

    await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Arbetsordrar' }).click();
    await main.getByRole('link', { name: 'Registrera arbetsorder' }).click();
    await choose(page, main.getByLabel('Typ av uppdrag'), 'Rondering');
    await visible(main.getByText('Entreprenörer vars avtal omfattar Rondering'));
    await main.getByLabel(/^Entreprenör( \*)?$/).click();
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Exempel Rör AB']);
    await context.close();
  });

  it('the contractor reads its agreement with the client but cannot change it', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    await openAgreement(page, 'Exempelbostäder AB');
    const main = page.getByRole('main');
    await visible(main.getByText('Beställaren sätter villkoren; du kan läsa dem.', { exact: false }));
    expect(await main.getByRole('button', { name: 'Ändra villkor' }).count()).toBe(0);
    expect(await detail(main, 'Feltyp krävs').textContent()).toBe('Ja');
    expect(await detail(main, 'Referensnummer').textContent()).toContain('AO2375');
    expect(await seriousViolations(page)).toEqual([]);
    await logOut(page);

    // The technician has no agreements to read, and no link to them.
    await logIn(page, 'tekniker');
    expect(
      await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Avtal' }).count(),
    ).toBe(0);
    await context.close();
  });
});
