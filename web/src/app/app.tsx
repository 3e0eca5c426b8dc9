import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { meQuery } from '../modules/session/session.api.ts';
import { notify } from '../ui/notify.ts';
import { isApiError, onGateRequired, onUnauthorized } from './api.ts';
import { takeEarlySessionCheck } from './early-me.ts';
import { i18n } from './i18n/i18n.ts';
import { createAppRouter, preloadPageCode } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// The corner messages' container (and the transitions it animates with) loads after the first
// screen; a message shown before it is there waits in Mantine's store and appears when it is.
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // Problems the server answered deliberately (404, 403 …) do not get better by asking again.
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
});

takeEarlySessionCheck(queryClient);
const router = createAppRouter(queryClient);
preloadPageCode(router, window.location.pathname);

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

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Suspense fallback={null}>
          <Notifications position="bottom-right" />
        </Suspense>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
