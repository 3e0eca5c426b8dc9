/**
 * Draws a page of the app on the server, so that a phone shows it before the app's code has
 * downloaded and run (decision 0020). The server (server/platform/web-pages.ts) loads the build
 * of this file and calls `renderPage` for each page address; the browser's app then takes the
 * HTML over (main.tsx) instead of drawing it again.
 *
 * A page is drawn from the same router, loaders and queries as in the browser; the API is asked
 * through the server itself, as the person asking for the page (`PageRequest.api`), so every rule
 * of the API applies unchanged. Only reads: a page is never drawn by changing anything. When the
 * page cannot be drawn as it will show — a redirect, a page not found, an answer that failed — the
 * browser's app draws it, as it always did.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { text } from 'node:stream/consumers';
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import type { Locale } from '../../contract/session.ts';
import { setTransport, type Transport } from './app/api.ts';
import { App, createQueryClient } from './app/app.tsx';
import { drawnStateElement } from './app/drawn-page.ts';
import { i18n, loadLocale, localeOfCookies } from './app/i18n/i18n.ts';
import { type AppRouter, createAppRouter, isDrawnOnServer } from './app/router.tsx';
import { deviceOf } from './ui/media.ts';

export type PageRequest = {
  /** The path and query asked for, e.g. `/orgs/…/work-orders?view=all`. */
  url: string;
  headers: { cookie?: string; 'user-agent'?: string; 'sec-ch-ua-mobile'?: string };
  /** Answers a GET of the API as it would answer the person asking for the page. */
  api: Transport;
};

export type RenderedPage =
  | { kind: 'page'; html: string; state: string; lang: Locale }
  /** Nothing drawn: the page goes out empty and the browser's app draws it. */
  | { kind: 'app'; reason: string };

const asked = new AsyncLocalStorage<Transport>();

// Every request of the API client goes to the API of the page being drawn; several pages are
// drawn at once, each in its own asynchronous context.
setTransport((path, init) => {
  const api = asked.getStore();
  if (!api) return Promise.reject(new Error(`${path} was asked for outside a page being drawn`));
  return api(path, init);
});

// All texts in both languages: the pages' own texts register themselves as their code loads.
await loadLocale('en');

export async function renderPage(request: PageRequest): Promise<RenderedPage> {
  const queryClient = createQueryClient({ server: true });
  const router = createAppRouter(queryClient, {
    history: createMemoryHistory({ initialEntries: [request.url] }),
  });
  if (!isDrawnOnServer(router, new URL(request.url, 'http://page').pathname)) {
    return { kind: 'app', reason: 'not a page drawn on the server' };
  }
  const locale = localeOfCookies(request.headers.cookie);
  const device = deviceOf(request.headers);
  const texts = i18n.cloneInstance({ lng: locale });
  const api: Transport = (path, init) => {
    if ((init.method ?? 'GET') !== 'GET') {
      return Promise.reject(new Error(`a page is drawn by reading only, not by ${init.method} ${path}`));
    }
    const headers = new Headers(init.headers);
    headers.set('accept-language', locale);
    return request.api(path, { ...init, headers });
  };

  return asked.run(api, async () => {
    await router.load();
    await settled(queryClient);
    const unfit = whyNotDrawn(router, queryClient);
    if (unfit) return { kind: 'app', reason: unfit };

    const errors: unknown[] = [];
    const { prelude } = await prerenderToNodeStream(
      <StrictMode>
        <App router={router} queryClient={queryClient} i18n={texts} device={device} />
      </StrictMode>,
      {
        onError: (error) => void errors.push(error),
        // React moves a large part out of its place in the HTML, showing its fallback (a loading
        // bar) until a script moves it back, so that a page streamed in parts shows sooner. This
        // page goes out whole: every part stays where it is drawn.
        progressiveChunkSize: Number.POSITIVE_INFINITY,
      },
    );
    const html = await text(prelude);
    if (errors.length > 0) throw errors[0];
    return {
      kind: 'page',
      html,
      state: drawnStateElement({ queries: dehydrate(queryClient), locale, device }),
      lang: locale,
    };
  });
}

/**
 * Resolves when no query of the page is being fetched. Loaders start some without waiting, and
 * one may start another when its answer comes (an order's messages once the order is known), so
 * a quiet moment counts only when it lasts past the answers' own callbacks.
 */
async function settled(queryClient: QueryClient): Promise<void> {
  for (;;) {
    if (queryClient.isFetching() > 0) {
      await new Promise<void>((resolve) => {
        const stop = queryClient.getQueryCache().subscribe(() => {
          if (queryClient.isFetching() > 0) return;
          stop();
          resolve();
        });
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (queryClient.isFetching() === 0) return;
  }
}

/** Why the page is left to the browser's app, or null when it can be drawn here. */
function whyNotDrawn(router: AppRouter, queryClient: QueryClient): string | null {
  const { matches } = router.state;
  if (matches.length === 0) return 'redirect';
  const unsettled = matches.find((match) => match.status !== 'success');
  if (unsettled) return `${unsettled.routeId}: ${unsettled.status}`;
  // A failed answer is not handed to the browser (only successful ones are), which would then
  // draw the page without it: the browser asks again and draws what it gets.
  const failed = queryClient
    .getQueryCache()
    .getAll()
    .find((query) => query.state.status === 'error');
  if (failed) return `${JSON.stringify(failed.queryKey)}: failed`;
  return null;
}
