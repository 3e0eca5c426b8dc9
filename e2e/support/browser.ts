import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'ordning-demo-2026';

export type DemoUser = 'bestallare' | 'entreprenor' | 'tekniker' | 'elektriker';

/** A demo user, or one a test file added in its setup (with the same password). */
export type TestLogin = DemoUser | (string & {});

/** How this machine's Chromium runs headless (also for Lighthouse, scripts/lighthouse.ts). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * A fresh browser profile (no cookies, no storage) looking at the test server, in Swedish; with
 * `touch`, a phone's touch screen (pointer: coarse), as the camera buttons look for.
 */
export async function newContext(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number } = { width: 1366, height: 900 },
  options: { touch?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    // No transitions: checks see the final state, never a dialog still fading in.
    reducedMotion: 'reduce',
  });
  // A step may wait for Argon2 in the server on a busy machine: waits get room, well inside the 60 s
  // a test may take.
  context.setDefaultTimeout(30_000);
  context.on('page', watchTakeover);
  return context;
}

const redrawn: string[] = [];

/**
 * Pages the server drew that the browser's app could not take over as drawn (React drew them
 * again: a difference between the server's render and the browser's first), since last asked.
 * The fixture fails a test that caused any.
 */
export function takeRedrawnPages(): string[] {
  return redrawn.splice(0);
}

/**
 * A page the server drew shows before the app works on it (decision 0020); a person waits for the
 * page to respond, a test waits for `<html data-ready>` after each load of a page (web/src/app/takeover.ts),
 * except when it asks for no wait at all (`waitUntil: 'commit'`, to act before the app runs).
 */
function watchTakeover(page: Page) {
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('the page the server drew was drawn again')) {
      redrawn.push(`${page.url()}: ${message.text()}`);
    }
  });
  const ready = async <T extends Response | null>(response: T): Promise<T> => {
    if (response?.headers()['content-type']?.includes('text/html')) {
      await page.waitForSelector('html[data-ready]', { state: 'attached' });
    }
    return response;
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    return options?.waitUntil === 'commit' ? response : ready(response);
  };
  page.reload = async (options) => {
    const response = await reload(options);
    return options?.waitUntil === 'commit' ? response : ready(response);
  };
}

/** Logs in through the login page, as a person would, and waits for the inbox (Mina jobb for a technician). */
export async function logIn(page: Page, user: TestLogin): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Användarnamn eller e-post').fill(user);
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await visible(page.getByRole('heading', { level: 1, name: /^(Arbetsordrar|Mina jobb)$/ }));
}

/** Waits until the element is on screen (playwright-core has no `expect`; vitest's checks the rest). */
export async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}
