import './app/styles.ts';
import { hydrate, type QueryClient } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { onGateRequired, onUnauthorized } from './app/api.ts';
import { App, createQueryClient } from './app/app.tsx';
import { type DrawnState, readDrawnState } from './app/drawn-page.ts';
import { takeEarlySessionCheck } from './app/early-me.ts';
import { i18n, setLocale, startLocale, storedLocale } from './app/i18n/i18n.ts';
import { type AppRouter, createAppRouter, preloadPageCode } from './app/router.tsx';
import { keepInput, markTakenOver, whenTakenOver } from './app/takeover.ts';
import { meQuery } from './modules/session/session.api.ts';
import { DESKTOP } from './ui/media.ts';
import { notify } from './ui/notify.ts';

/**
 * A moment for the browser between two pieces of the app's start: on a slow phone each piece is
 * then a short task of its own instead of part of one long one, during which a tap would wait
 * (and which Lighthouse counts as blocking time on a page the server drew, whose start comes after
 * its first paint).
 */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Start = { queryClient: QueryClient; router: AppRouter; container: HTMLElement };

/** The app draws the page itself: the page came empty (the browser draws every other page). */
function draw({ queryClient, router, container }: Start) {
  takeEarlySessionCheck(queryClient);
  preloadPageCode(router, window.location.pathname);
  // An English reader's texts load first, so the first screen is not Swedish for a moment.
  void startLocale(storedLocale()).then(() => {
    createRoot(container).render(
      <StrictMode>
        {/* Drawn here from the start, the app reads the screen itself: no guess is needed. */}
        <App router={router} queryClient={queryClient} i18n={i18n} device={DESKTOP} />
      </StrictMode>,
    );
  });
}

/**
 * The server drew this page (decision 0020): the app takes its HTML over. The first render must
 * draw exactly what the server drew, so it starts from the same answers, language and guessed
 * screen, and with the page's code loaded (router.load); it runs as a transition, which React
 * splits into short slices, so a slow phone stays responsive while it runs.
 */
async function takeOver({ queryClient, router, container }: Start, drawn: DrawnState) {
  hydrate(queryClient, drawn.queries);
  await startLocale(drawn.locale);
  await pause();
  // A page drawn on the server has no Suspense boundary around its routes; the router leaves it
  // out when it knows it takes such a page over.
  router.ssr = { manifest: undefined };
  await router.load();
  await pause();
  // What was typed before now would be emptied by the takeover: given back right after it.
  whenTakenOver(keepInput(container));
  // Should the page fail to say it works (an error drawn instead), it is not held back for ever.
  setTimeout(markTakenOver, 10_000);
  startTransition(() => {
    hydrateRoot(
      container,
      <StrictMode>
        <App router={router} queryClient={queryClient} i18n={i18n} device={drawn.device} drawn />
      </StrictMode>,
      {
        onRecoverableError: (error) =>
          console.error('Ordning: the page the server drew was drawn again in the browser', error),
      },
    );
  });
  // A language chosen before the choice was kept in a cookie: the server drew Swedish. Checked once
  // the page works (reading the cookie and storage is a round trip to the browser's storage).
  whenTakenOver(() =>
    setTimeout(() => {
      if (storedLocale() !== drawn.locale) void setLocale(storedLocale());
    }),
  );
}

async function start() {
  // Evaluating the app's modules is one task; creating its router is the next.
  await pause();
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);

  // The session ended while the app was open (expired, logged out elsewhere): back to the login page.
  onUnauthorized(() => {
    const location = router.state.location;
    if (location.pathname === '/login') return;
    queryClient.removeQueries({ queryKey: meQuery.queryKey });
    notify(i18n.t('app.sessionEnded'), 'warning', { id: 'session-ended' });
    void router.navigate({ to: '/login', search: { redirect: location.href } });
  });

  // The app route reads `me.gate` afresh and sends the user to the step the server asks for.
  onGateRequired(() => {
    queryClient.removeQueries({ queryKey: meQuery.queryKey });
    void router.invalidate();
  });

  const app: Start = { queryClient, router, container: document.getElementById('root')! };
  const drawn = readDrawnState();
  if (!drawn) return draw(app);
  await pause();
  await takeOver(app, drawn).catch((error: unknown) => {
    // The page's code or texts could not be loaded (offline, a new version deployed meanwhile):
    // the app draws the page anew rather than leave it showing but not working.
    console.error('Ordning: the page the server drew could not be taken over', error);
    draw(app);
  });
}

void start();
