import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, takeRedrawnPages } from './browser.ts';
import { type ExtraMembership, type ExtraUser, startServer, type TestServer } from './server.ts';

/** One server with fresh demo data and one Chromium per test file; each test opens its own context. */
export function setUpServerAndBrowser(
  options: { extraMemberships?: ExtraMembership[]; extraUsers?: ExtraUser[] } = {},
): {
  server: () => TestServer;
  browser: () => Browser;
} {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  });
  // Every page the server drew was taken over by the app as drawn, not drawn again.
  afterEach(() => {
    expect(takeRedrawnPages()).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    server: () => {
      if (!server) throw new Error('the test server is not running');
      return server;
    },
    browser: () => {
      if (!browser) throw new Error('the browser is not running');
      return browser;
    },
  };
}
