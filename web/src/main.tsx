import './app/styles.ts';
import { hydrate } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { onGateRequired, onUnauthorized } from './app/api.ts';
import { App, createQueryClient } from './app/app.tsx';
import { type DrawnState, readDrawnState } from './app/drawn-page.ts';
import { takeEarlySessionCheck } from './app/early-me.ts';
import { i18n, loadLocale, localeReady, setLocale, storedLocale } from './app/i18n/i18n.ts';
import { createAppRouter, preloadPageCode } from './app/router.tsx';
import { keepInput, markTakenOver, whenTakenOver } from './app/takeover.ts';
import { meQuery } from './modules/session/session.api.ts';
import { DESKTOP } from './ui/media.ts';
import { notify } from './ui/notify.ts';

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

const container = document.getElementById('root')!;

/** The app draws the page itself: the page came empty (the browser draws every other page). */
function draw() {
  takeEarlySessionCheck(queryClient);
  preloadPageCode(router, window.location.pathname);
  // An English reader's texts load first, so the first screen is not Swedish for a moment.
  void localeReady.then(() => {
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
async function takeOver(drawn: DrawnState) {
  hydrate(queryClient, drawn.queries);
  await loadLocale(drawn.locale);
  await i18n.changeLanguage(drawn.locale);
  // A page drawn on the server has no Suspense boundary around its routes; the router leaves it
  // out when it knows it takes such a page over.
  router.ssr = { manifest: undefined };
  await router.load();
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
  // A language chosen before the choice was kept in a cookie: the server drew Swedish.
  if (storedLocale() !== drawn.locale) void setLocale(storedLocale());
}

const drawn = readDrawnState();
if (drawn) {
  takeOver(drawn).catch((error: unknown) => {
    // The page's code or texts could not be loaded (offline, a new version deployed meanwhile):
    // the app draws the page anew rather than leave it showing but not working.
    console.error('Ordning: the page the server drew could not be taken over', error);
    draw();
  });
} else {
  draw();
}
