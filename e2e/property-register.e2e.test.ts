import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';

// The demo's client has a coordinator only; the register is kept by its administrator, added here.
const env = setUpServerAndBrowser({
  extraUsers: [
    { username: 'forvaltare', name: 'Fanny Förvaltare', orgName: 'Exempelbostäder AB', role: 'admin' },
  ],
});

async function openRegister(page: Page) {
  await page
    .getByRole('navigation', { name: 'Sidor' })
    .getByRole('link', { name: 'Fastighetsregister' })
    .click();
  await visible(page.getByRole('heading', { level: 1, name: 'Fastighetsregister' }));
}

/** Reads a CSV file's rows into the import page, as the file picker would. */
async function upload(page: Page, register: string, name: string, content: Buffer) {
  const main = page.getByRole('main');
  await main.getByLabel(register, { exact: true }).check();
  await main.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await main.getByRole('button', { name: 'Läs in' }).click();
}

describe('the property register', () => {
  it('is browsed from the list to a property and its objects to an object with rooms, units and tenant', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'forvaltare');
    await openRegister(page);
    const main = page.getByRole('main');
    await visible(main.getByText('Visar 1–5 av 5'));
    expect(await seriousViolations(page)).toEqual([]);

    await main.getByRole('searchbox', { name: 'Sök fastighet' }).fill('Tallkrogen');
    await page.waitForURL((url) => url.search.includes('q=Tallkrogen'));
    await visible(main.getByText('Visar 1–1 av 1'));
    await main.getByRole('link', { name: 'Stockholm Tallkrogen 3' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Stockholm Tallkrogen 3' }));
    await visible(main.getByText('Visar 1–50 av 60'));
    expect(await seriousViolations(page)).toEqual([]);

    // Arbetsordrar för fastigheten: the inbox narrowed to this property, named, and widened in one click.
    const propertyUrl = new URL(page.url()).pathname;
    await main.getByRole('link', { name: 'Arbetsordrar för fastigheten' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    const propertyFilter = main.getByLabel('Fastighet', { exact: true });
    await expect.poll(() => propertyFilter.inputValue()).toBe('Stockholm Tallkrogen 3');
    await visible(main.getByText(/^Visar 1–\d+ av \d+$/));
    expect(await main.getByText('Torögatan 51').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The filter is widened like the others: clear it and press Applicera.
    // Mantine hides its clear button from assistive technology (the search text is cleared by keys).
    await propertyFilter.locator('xpath=..').locator('button[aria-label="Rensa"]').click();
    await main.getByRole('button', { name: 'Applicera' }).click();
    await page.waitForURL((url) => !url.search.includes('property='));
    expect(await propertyFilter.inputValue()).toBe('');
    await page.goto(propertyUrl);
    await visible(page.getByRole('heading', { level: 1, name: 'Stockholm Tallkrogen 3' }));

    await main.getByRole('searchbox', { name: 'Sök objekt' }).fill('64010765');
    await visible(main.getByText('Visar 1–1 av 1'));
    await main.getByRole('link', { name: '64010765' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Objekt 64010765' }));
    await visible(main.getByRole('heading', { name: 'Kök (076500)' }));
    const kitchen = main.getByRole('table', { name: 'Kök (076500)' });
    await visible(kitchen.getByRole('rowheader', { name: 'Diskmaskin' }));
    expect(await main.getByRole('table', { name: 'Hyresgäst' }).getByRole('row').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    // The same object on a 360 px phone: the tables scroll inside the page, the page itself does not.
    const phone = await newContext(env.browser(), env.server().baseUrl, { width: 360, height: 740 });
    const small = await phone.newPage();
    await logIn(small, 'forvaltare');
    await small.goto(new URL(page.url()).pathname);
    await visible(small.getByRole('heading', { level: 1, name: 'Objekt 64010765' }));
    await visible(small.getByRole('main').getByRole('heading', { name: 'Kök (076500)' }));
    expect(await seriousViolations(small)).toEqual([]);
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.close();

    // Registrera arbetsorder from the object starts the order on it.
    await main.getByRole('link', { name: 'Registrera arbetsorder' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Registrera arbetsorder' }));
    await visible(main.getByRole('heading', { name: 'Uppgifter från registret' }));
    expect(await main.getByRole('combobox', { name: 'Objekt' }).inputValue()).toMatch(/^64010765 · /);
    expect(await main.getByLabel(/^Gatuadress/).inputValue()).toBe('Torögatan 51');
    await context.close();
  });

  it('lets the administrator add an object (a duplicate number refused on its field), a room, a unit and a tenant, change the unit and remove it after asking', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'forvaltare');
    await openRegister(page);
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'Stockholm Fagersjö 2' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Stockholm Fagersjö 2' }));

    await main.getByRole('button', { name: 'Lägg till objekt' }).click();
    let dialog = page.getByRole('dialog', { name: 'Lägg till objekt' });
    await dialog.getByLabel(/^Objektnummer/).fill('73110045');
    await dialog.getByLabel(/^Objekttyp/).fill('2 rum och kök');
    await dialog.getByLabel(/^Gatuadress/).fill('Fagersjövägen 48');
    await dialog.getByLabel(/^Postnr/).fill('123 52');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    // The number is taken: the server says so on the field, and nothing is saved.
    await visible(dialog.getByText('Finns redan', { exact: true }));
    expect(await dialog.getByLabel(/^Objektnummer/).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel(/^Objektnummer/).fill('73119999');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Objekt 73119999' }));
    await visible(main.getByText('Objektet har inga utrymmen i registret.'));

    await main.getByRole('button', { name: 'Lägg till utrymme' }).click();
    dialog = page.getByRole('dialog', { name: 'Lägg till utrymme' });
    await dialog.getByLabel(/^Utrymme/).fill('Kök');
    await dialog.getByLabel(/^Kod/).fill('099999');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await visible(main.getByRole('heading', { name: 'Kök (099999)' }));

    await main.getByRole('button', { name: 'Lägg till enhet i Kök (099999)' }).click();
    dialog = page.getByRole('dialog', { name: 'Lägg till enhet i Kök (099999)' });
    await dialog.getByLabel(/^Enhet/).fill('Diskmaskin');
    await dialog.getByLabel(/^Anläggningstyp/).fill('Vitvara');
    await dialog.getByLabel(/^Egenskaper/).fill('Bosch SMS46');
    await dialog.getByLabel(/^Serienummer/).fill('SN-E2E-1');
    await dialog.getByLabel(/^Installerad/).fill('2024-03-01');
    await dialog.getByLabel(/^Vitvara/).check();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const unit = main
      .getByRole('table', { name: 'Kök (099999)' })
      .getByRole('row')
      .filter({ hasText: 'Diskmaskin' });
    await visible(unit);
    expect(await unit.textContent()).toContain('SN-E2E-1');
    expect(await unit.textContent()).toContain('2024-03-01');

    await main.getByRole('button', { name: 'Ändra enheten Diskmaskin' }).click();
    dialog = page.getByRole('dialog', { name: 'Ändra enheten Diskmaskin' });
    expect(await dialog.getByLabel(/^Serienummer/).inputValue()).toBe('SN-E2E-1');
    await dialog.getByLabel(/^Serienummer/).fill('SN-E2E-2');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await visible(unit.getByText('SN-E2E-2'));

    await main.getByRole('button', { name: 'Lägg till hyresgäst' }).click();
    dialog = page.getByRole('dialog', { name: 'Lägg till hyresgäst' });
    await dialog.getByLabel(/^Namn/).fill('Test Testsson');
    await dialog.getByRole('textbox', { name: 'Telefon övrig/SMS' }).fill('0788888888');
    await dialog.getByRole('radio', { name: 'Telefon bostad' }).check();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    // The number marked * must be one that is filled in.
    await visible(dialog.getByText('Fyll i numret som ska användas'));
    await dialog.getByRole('textbox', { name: 'Telefon bostad' }).fill('0799999999');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const tenant = main
      .getByRole('table', { name: 'Hyresgäst' })
      .getByRole('row')
      .filter({ hasText: 'Test Testsson' });
    await visible(tenant);
    expect(await tenant.textContent()).toContain('*0799999999');

    await main.getByRole('button', { name: 'Ta bort enheten Diskmaskin' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ta bort enheten Diskmaskin?' });
    await visible(confirm);
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Ta bort' }).click();
    await visible(main.getByText('Inga enheter i utrymmet.'));
    await visible(page.getByText('Diskmaskin är borttagen.'));
    await context.close();
  });

  it('tells the one who saves second that someone else changed the property meanwhile, and shows it as it is now', async () => {
    const first = await newContext(env.browser(), env.server().baseUrl);
    const second = await newContext(env.browser(), env.server().baseUrl);
    const a = await first.newPage();
    const b = await second.newPage();
    for (const page of [a, b]) {
      await logIn(page, 'forvaltare');
      await openRegister(page);
      await page.getByRole('main').getByRole('link', { name: 'Uppsala Kvarngärdet 12:4' }).click();
      await page.getByRole('main').getByRole('button', { name: 'Ändra fastighet' }).click();
    }
    const dialogA = a.getByRole('dialog', { name: 'Ändra fastighet' });
    await dialogA.getByLabel(/^Distrikt/).fill('Uppsala norra');
    await dialogA.getByRole('button', { name: 'Spara' }).click();
    await visible(a.getByRole('main').getByText('Uppsala norra'));

    const dialogB = b.getByRole('dialog', { name: 'Ändra fastighet' });
    await dialogB.getByLabel(/^Adminområde/).fill('9');
    await dialogB.getByRole('button', { name: 'Spara' }).click();
    await visible(b.getByText('Någon annan har ändrat uppgifterna under tiden.', { exact: false }));
    await visible(b.getByRole('main').getByText('Uppsala norra'));
    await first.close();
    await second.close();
  });

  it('reads the register only, for the coordinator: no adding, changing or importing', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    await openRegister(page);
    const main = page.getByRole('main');
    expect(await main.getByRole('button', { name: 'Lägg till fastighet' }).count()).toBe(0);
    await main.getByRole('link', { name: 'Exportera (CSV)' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Import och export (CSV)' }));
    expect(await main.getByRole('button', { name: 'Läs in' }).count()).toBe(0);
    expect(await main.getByRole('link', { name: 'Objekt (CSV)' }).getAttribute('href')).toMatch(
      /^\/api\/orgs\/[0-9a-f-]{36}\/objects\/export\.csv$/,
    );
    await context.close();
  });
});

describe('CSV import', () => {
  it('refuses a file with a bad row in the middle, lists each bad row and column, and reads nothing', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'forvaltare');
    await page.goto(new URL(page.url()).pathname.replace(/work-orders$/, 'register/import'));
    await visible(page.getByRole('heading', { level: 1, name: 'Import och export (CSV)' }));
    const main = page.getByRole('main');
    const csv = [
      'Objektnummer;Fastighet;Objekttyp;Våning;Gatuadress;Postnr;Ort',
      '73118001;Stockholm Fagersjö 2;2 rum och kök;1 av 3;Fagersjövägen 50;123 52;Farsta',
      '73118002;Stockholm Fagersjö 2;2 rum och kök;1 av 3;;1234;Farsta',
      '73118003;Stockholm Fagersjö 2;1 rum och kök;2 av 3;Fagersjövägen 50;123 52;Farsta',
    ].join('\r\n');
    await upload(page, 'Objekt', 'objekt.csv', Buffer.from(csv, 'utf8'));

    const refused = main.getByRole('alert').filter({ hasText: 'Filen har inte lästs in' });
    await visible(refused);
    await visible(refused.getByText('1 rad har fel.'));
    const rows = await refused.getByRole('row').allTextContents();
    expect(rows).toEqual([
      'RadKolumnFel',
      '3GatuadressObligatoriskt fält',
      '3PostnrFem siffror, t.ex. 123 45',
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    // Not even the good rows were read.
    await page.goto(new URL(page.url()).pathname.replace(/import$/, ''));
    await main.getByRole('link', { name: 'Stockholm Fagersjö 2' }).click();
    await main.getByRole('searchbox', { name: 'Sök objekt' }).fill('7311800');
    await visible(main.getByText('Inget objekt matchar sökningen.'));
    await context.close();
  });

  it('reads a good file as a whole, an Excel file in Windows-1252 too, and the rows then appear in the register', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'forvaltare');
    await openRegister(page);
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'Import och export (CSV)' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Import och export (CSV)' }));

    // Excel on Swedish Windows: semicolons and Windows-1252 (å, ä, ö as single bytes).
    const properties =
      'Fastighet;Företag;Adminområde;Distrikt;Gatuadress;Postnr;Ort\r\nStockholm Årsta 9;Brf Ängen;6;Årsta;Årstavägen 3;120 54;Årsta\r\n';
    await upload(page, 'Fastigheter', 'fastigheter.csv', Buffer.from(properties, 'latin1'));
    await visible(main.getByText('Fastigheter: 1 nya och 0 uppdaterade.'));

    const objects = [
      'Objektnummer,Fastighet,Objekttyp,Våning,Gatuadress,Postnr,Ort,Inpassering till objektet',
      '90000001,Stockholm Årsta 9,2 rum och kök,1 av 4 (hiss),Årstavägen 3,120 54,Årsta,ja',
      '90000002,Stockholm Årsta 9,3 rum och kök,2 av 4 (hiss),Årstavägen 3,120 54,Årsta,nej',
    ].join('\n');
    await upload(page, 'Objekt', 'objekt.csv', Buffer.from(objects, 'utf8'));
    await visible(main.getByText('Objekt: 2 nya och 0 uppdaterade.'));

    await main.getByRole('link', { name: 'Till fastighetsregistret' }).click();
    await main.getByRole('link', { name: 'Stockholm Årsta 9' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Stockholm Årsta 9' }));
    await visible(main.getByText('Brf Ängen').first());
    await visible(main.getByRole('link', { name: '90000001' }));
    await visible(main.getByRole('link', { name: '90000002' }));
    await context.close();
  });
});
