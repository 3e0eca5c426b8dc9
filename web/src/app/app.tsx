import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { type Device, DeviceProvider } from '../ui/media.ts';
import { isApiError } from './api.ts';
import type { AppRouter } from './router.tsx';
import { markTakenOver } from './takeover.ts';
import { cssVariablesResolver, theme } from './theme.ts';

// The corner messages' container (and the transitions it animates with) loads after the first
// screen; a message shown before it is there waits in Mantine's store and appears when it is.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

/** The query cache of one browser tab, or of one page drawn on the server (which never asks twice). */
export function createQueryClient(options: { server?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Problems the server answered deliberately (404, 403 …) do not get better by asking again.
        retry: options.server
          ? false
          : (failureCount, error) =>
              failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
    },
  });
}

export type AppProps = {
  router: AppRouter;
  queryClient: QueryClient;
  /** The texts in the reader's language: the browser's one instance, or one per page drawn on the server. */
  i18n: I18n;
  /** The screen as the server guessed it (media.ts); the browser's own first render repeats the guess. */
  device: Device;
  /**
   * The app takes over a page the server drew: the page itself says when it works (takeover.ts).
   * Otherwise the app works from its first render.
   */
  drawn?: boolean;
};

/**
 * The corner messages, only in the browser and after the first screen: on the server they would
 * be drawn as nothing anyway. Its own component, so that showing it re-renders nothing else.
 */
function LaterNotifications() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? (
    <Suspense fallback={null}>
      <Notifications position="bottom-right" />
    </Suspense>
  ) : null;
}

/** The whole app, the same in the browser and on the server (entry-server.tsx). */
export function App({ router, queryClient, i18n, device, drawn = false }: AppProps) {
  useEffect(() => {
    if (!drawn) markTakenOver();
  }, [drawn]);
  return (
    <I18nextProvider i18n={i18n}>
      <DeviceProvider value={device}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <LaterNotifications />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </DeviceProvider>
    </I18nextProvider>
  );
}
