import { describe, expect, it } from 'vitest';
import { logIn, newContext, visible } from './support/browser.ts';
import { setUpServerAndBrowser } from './support/fixture.ts';
import { eventRow, openFirstOrderWithStatus, rowsWithStatus } from './support/pages.ts';

const env = setUpServerAndBrowser();

describe('changing the status of a work order', () => {
  it('the demo contractor logs in, opens a new order, accepts it and sees Accepterad with the change in the log', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const number = await openFirstOrderWithStatus(page, 'Ny');
    const main = page.getByRole('main');
    await visible(main.getByText('Ny', { exact: true }).first());

    await main.getByRole('button', { name: 'Acceptera', exact: true }).click();

    await visible(page.getByText(`Arbetsorder ${number} har status Accepterad.`));
    await visible(main.getByText('Accepterad', { exact: true }));
    const row = eventRow(page, 'Status: Ny → Accepterad');
    await visible(row);
    expect(await row.textContent()).toContain('Emil Rörström');
    // The next moves are offered now, and accepting again is not.
    await visible(main.getByRole('button', { name: 'Material beställt' }));
    expect(await main.getByRole('button', { name: 'Acceptera', exact: true }).count()).toBe(0);
    await context.close();
  });

  it('declining requires a reason, and a declined order shows Avböjd with the reason in the log', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const number = await openFirstOrderWithStatus(page, 'Ny');
    const main = page.getByRole('main');

    await main.getByRole('button', { name: 'Tacka nej' }).click();
    const dialog = page.getByRole('dialog', { name: `Tacka nej till arbetsorder ${number}` });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Tacka nej' }).click();
    await visible(dialog.getByText('Ange en anledning'));
    expect(await main.getByText('Ny', { exact: true }).count()).toBe(1);

    const reason = 'Vi saknar behörig montör för det här jobbet under veckan.';
    await dialog.getByLabel('Anledning').fill(reason);
    await dialog.getByRole('button', { name: 'Tacka nej' }).click();

    await dialog.waitFor({ state: 'hidden' });
    await visible(main.getByText('Avböjd', { exact: true }));
    const row = eventRow(page, 'Status: Ny → Avböjd');
    await visible(row);
    expect(await row.textContent()).toContain(reason);

    // A declined order is no longer active work: it has left the inbox's Aktiva view.
    await main.getByRole('link', { name: 'Tillbaka till listan' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Arbetsordrar' }));
    const links = await rowsWithStatus(page, 'Ny').getByRole('link').allTextContents();
    expect(links).not.toContain(number);
    await context.close();
  });

  it('a change someone else made meanwhile is refused, and the page shows the order as it is now', async () => {
    const context = await newContext(env.browser(), env.server().baseUrl);
    const page = await context.newPage();
    await logIn(page, 'entreprenor');
    const number = await openFirstOrderWithStatus(page, 'Ny');

    // A colleague (here: a second tab of the same user) accepts the order first.
    const colleague = await context.newPage();
    await colleague.goto(page.url());
    await colleague.getByRole('main').getByRole('button', { name: 'Acceptera', exact: true }).click();
    await visible(colleague.getByText(`Arbetsorder ${number} har status Accepterad.`));

    // The first tab still shows Ny; its decline names the old version and is refused (412).
    const main = page.getByRole('main');
    await main.getByRole('button', { name: 'Tacka nej' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Anledning').fill('Hinner inte.');
    await dialog.getByRole('button', { name: 'Tacka nej' }).click();
    await visible(page.getByText('Någon annan har ändrat ordern. Sidan har laddats om.'));
    await visible(main.getByText('Accepterad', { exact: true }));
    expect(await eventRow(page, 'Status: Ny → Avböjd').count()).toBe(0);
    await context.close();
  });
});
