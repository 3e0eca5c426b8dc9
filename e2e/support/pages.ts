import type { Locator, Page } from 'playwright-core';
import { visible } from './browser.ts';

/** The inbox rows whose status badge reads exactly `status`. */
export function rowsWithStatus(page: Page, status: string): Locator {
  return page
    .getByRole('main')
    .getByRole('row')
    .filter({ has: page.getByText(status, { exact: true }) });
}

/** Opens the first order in the inbox table with the given status; returns its AO-nr. */
export async function openFirstOrderWithStatus(page: Page, status: string): Promise<string> {
  const link = rowsWithStatus(page, status).first().getByRole('link');
  const number = (await link.textContent())?.trim() ?? '';
  await link.click();
  await visible(page.getByRole('heading', { level: 1, name: `Arbetsorder ${number}` }));
  return number;
}

/** The Noteringar table's row whose Typ column reads `type`. */
export function eventRow(page: Page, type: string): Locator {
  return page
    .getByRole('region', { name: 'Noteringar' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: type, exact: true }) });
}

/** Picks an option in a Mantine Select / MultiSelect by its label. */
export async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The value shown for a label in one of the order page's boxes (a <dt>/<dd> pair). */
export function detail(scope: Page | Locator, label: string): Locator {
  return scope.locator(`xpath=.//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);
}

/** Waits for the address's query string to contain `part`. */
export async function waitForSearch(page: Page, part: string): Promise<void> {
  await page.waitForURL((url) => decodeURIComponent(url.search).includes(part));
  // The list marks itself aria-busy while it fetches for the new address; the rows shown until
  // then are the previous ones. (A check of the rows should still poll: the fetch may start a
  // moment after the address changes.)
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** Today plus `days` as Stockholm's YYYY-MM-DD. */
export function stockholmDate(days = 0): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);
}

/** Logs out through the user menu and waits for the login page. */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Användarmeny/ }).click();
  await page.getByRole('menuitem', { name: 'Logga ut' }).click();
  await visible(page.getByRole('heading', { name: 'Logga in' }));
}
