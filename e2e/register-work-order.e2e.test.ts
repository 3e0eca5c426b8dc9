import { describe, expect, it } from 'vitest';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { choose, detail, eventRow, logOut } from './support/pages.ts';

const env = setUpServerAndBrowser();

describe('registering a work order', () => {
  it('a coordinator registers and dispatches an order, and the contractor then finds it in the inbox', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'bestallare');
    await page.getByRole('link', { name: 'Registrera arbetsorder' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Registrera arbetsorder' }));
    const form = page.getByRole('main');

    // Nothing filled in: the browser names what is missing before anything is sent. The place is
    // picked from the register unless Fri adress is chosen.
    await form.getByRole('button', { name: 'Skicka till entreprenör' }).click();
    await visible(form.getByText('Rätta de markerade fälten.'));
    await visible(form.getByText('Välj objekt', { exact: true }));
    await form.getByLabel('Fri adress').check();
    await form.getByRole('button', { name: 'Skicka till entreprenör' }).click();
    expect(await form.getByText('Obligatoriskt fält').count()).toBeGreaterThanOrEqual(5);
    await visible(form.getByText('Välj entreprenör', { exact: true }).last());

    const description = `Kranen i tvättstugan läcker (e2e ${Date.now()})`;
    await choose(page, form.getByLabel('Typ av uppdrag'), 'Underhåll');
    await choose(page, form.getByLabel('Prioritet'), 'Hög');
    await form.getByLabel('Uppdragsbeskrivning').fill(description);
    await form.getByLabel('Fras').fill('Kran läcker');
    await form.getByRole('textbox', { name: 'Fastighet' }).fill('Stockholm Tallkrogen 3');
    await form.getByLabel('Gatuadress').fill('Torögatan 51');
    await form.getByLabel('Postnr').fill('122 65');
    await form.getByLabel('Ort').fill('Enskede');
    await form.getByLabel('Utrymme/Rum').fill('Tvättstuga');
    await form.getByLabel('Inpassering till objektet').check();
    await form.getByLabel('Anmälarens namn').fill('Test Testsson');
    await form.getByLabel('Telefonnummer').fill('070-174 06 99');
    await choose(page, form.getByLabel(/^Entreprenör( \*)?$/), 'Exempel Rör AB');
    await form.getByRole('button', { name: 'Skicka till entreprenör' }).click();

    const heading = page.getByRole('heading', { level: 1, name: /^Arbetsorder \d+$/ });
    await visible(heading);
    const number = (await heading.textContent())?.replace('Arbetsorder ', '') ?? '';
    await visible(page.getByText(`Arbetsorder ${number} är skickad till Exempel Rör AB.`));
    const main = page.getByRole('main');
    await visible(main.getByText('Ny', { exact: true }));
    await visible(main.getByText(description));
    await visible(main.getByText('Registrerad och beställd'));

    // The coordinator logs out; the contractor logs in on the same computer.
    await page.getByRole('button', { name: /Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'Logga ut' }).click();
    await visible(page.getByRole('heading', { name: 'Logga in' }));
    await logIn(page, 'entreprenor');

    const row = page.getByRole('main').getByRole('row').filter({ hasText: description });
    await visible(row);
    expect(await row.getByRole('link').textContent()).toBe(number);
    expect(await row.textContent()).toContain('Exempelbostäder AB');
    await row.getByRole('link').click();
    await visible(page.getByRole('heading', { level: 1, name: `Arbetsorder ${number}` }));
    await visible(page.getByRole('main').getByRole('button', { name: 'Acceptera', exact: true }));
    await context.close();
  });

  it('a contractor registers an order for its client (Registrera arbetsorder), and the coordinator then sees it', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    await page.getByRole('main').getByRole('link', { name: 'Registrera arbetsorder' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Registrera arbetsorder' }));
    const form = page.getByRole('main');

    // The client instead of the contractor, and no draft: the contractor has the job already.
    await visible(form.getByRole('group', { name: 'Beställare' }));
    expect(await form.getByRole('button', { name: 'Spara som utkast' }).count()).toBe(0);
    expect(await form.getByLabel(/^Entreprenör( \*)?$/).count()).toBe(0);
    // Its only client is already chosen.
    expect(await form.getByLabel(/^Beställare( \*)?$/).inputValue()).toBe('Exempelbostäder AB');

    const description = `Upptäckt vid rondering: droppande ventil i badrummet (e2e ${Date.now()})`;
    await choose(page, form.getByLabel('Typ av uppdrag'), 'Rondering');
    await form.getByLabel('Uppdragsbeskrivning').fill(description);
    await form.getByLabel('Utrymme/Rum').fill('Våtrum');
    await form.getByLabel('Anmälarens namn').fill('Emil Rörström');
    await form.getByLabel('Telefonnummer').fill('08-465 004 44');

    // The number on the door is enough for an object in the client's register; one the client does
    // not have is named, and nothing is registered.
    const objectNumber = form.getByRole('textbox', { name: 'Objektnummer' });
    await objectNumber.fill('99999999');
    await form.getByRole('button', { name: 'Registrera arbetsorder' }).click();
    await visible(
      form.getByText('Beställaren har inget objekt med det numret. Ange fastighet och gatuadress.'),
    );
    expect(await objectNumber.getAttribute('aria-invalid')).toBe('true');
    await objectNumber.fill('64010766');
    await form.getByRole('button', { name: 'Registrera arbetsorder' }).click();

    const heading = page.getByRole('heading', { level: 1, name: /^Arbetsorder \d+$/ });
    await visible(heading);
    const number = (await heading.textContent())?.replace('Arbetsorder ', '') ?? '';
    await visible(page.getByText(`Arbetsorder ${number} är registrerad för Exempelbostäder AB.`));
    const main = page.getByRole('main');
    await visible(main.getByRole('heading', { level: 1 }).locator('xpath=..').getByText('Accepterad'));
    await visible(eventRow(page, 'Registrerad av entreprenör'));
    expect(await detail(main, 'Beställare').textContent()).toBe('Exempelbostäder AB');
    // The place comes from the client's register.
    expect(await detail(main, 'Fastighet').textContent()).toBe('Stockholm Tallkrogen 3');
    expect(await detail(main, 'Gatuadress').textContent()).toBe('Torögatan 51');
    expect(await detail(main, 'Objektnummer').textContent()).toBe('64010766');
    expect(await detail(main, 'Objekttyp').textContent()).toBe('2 rum och kök');

    // The coordinator of the client finds it among their orders, marked as the contractor's.
    await logOut(page);
    await logIn(page, 'bestallare');
    const row = page.getByRole('main').getByRole('row').filter({ hasText: description });
    await visible(row);
    expect(await row.getByRole('link').textContent()).toBe(number);
    expect(await row.textContent()).toContain('Exempel Rör AB');
    await row.getByRole('link').click();
    await visible(page.getByRole('heading', { level: 1, name: `Arbetsorder ${number}` }));
    expect(await detail(page.getByRole('main'), 'Registrerad').textContent()).toBe(
      'Registrerad av entreprenör',
    );
    await context.close();
  });

  it('the development mailbox lists the notice of a new order and shows its HTML in a sandboxed frame', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    await page.getByRole('button', { name: /Användarmeny/ }).click();
    await page.getByRole('menuitem', { name: 'E-post (utveckling)' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'E-post (utveckling)' }));

    // The demo's orders still waiting have their notice mail, delivered by the outbox worker.
    const subject = page
      .getByRole('main')
      .getByRole('button', { name: /^Ny arbetsorder \d+ från Exempelbostäder AB/ });
    await visible(subject.first());
    await subject.first().click();
    const frame = page.getByTitle('E-postens HTML-version');
    await visible(frame);
    expect(await frame.getAttribute('sandbox')).toBe('');
    await visible(frame.contentFrame().getByText('Öppna arbetsordern'));
    const download = page.getByRole('link', { name: 'Ladda ner .eml' });
    expect(await download.getAttribute('href')).toMatch(/^\/api\/dev\/mail\/[A-Za-z0-9-]+\/raw$/);
    const raw = await page.request.get((await download.getAttribute('href'))!);
    expect(raw.headers()['content-type']).toContain('message/rfc822');
    await context.close();
  });
});
