import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { I18nextProvider } from 'react-i18next';
import { meQuery } from '../modules/session/session.api.ts';
import { notify } from '../ui/notify.ts';
import { isApiError, onGateRequired, onUnauthorized } from './api.ts';
import { i18n } from './i18n/i18n.ts';
import { createAppRouter, preloadPageCode } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

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
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
