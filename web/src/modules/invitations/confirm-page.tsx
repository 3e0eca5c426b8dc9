import '../../app/i18n/page-texts.ts';
import { Alert, Center, Loader, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/links.tsx';
import { confirmAddress } from './invitations.api.ts';
import { PublicShell } from './public-shell.tsx';

const route = getRouteApi('/invitations/confirm/$token');

/** The link mailed to an address changed at registration: confirms it and grants the companies. */
export function ConfirmAddressPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('accounts.redeem.confirmTitle')} – Ordning`);
  const { token } = route.useParams();
  const confirm = useMutation({ mutationFn: () => confirmAddress(token) });
  const { mutate } = confirm;
  // The link works once: never send it twice, even when the effect runs twice in development.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate();
  }, [mutate]);
  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('accounts.redeem.confirmTitle')}
        </Title>
        {confirm.isSuccess ? (
          <Alert color="green" role="status">
            {t('accounts.redeem.confirmed')}
          </Alert>
        ) : confirm.isError ? (
          <Alert color="red" role="alert">
            {t('accounts.redeem.confirmInvalid')}
          </Alert>
        ) : (
          <Center py="md" role="status">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        )}
        <ButtonLink to="/login" variant="default">
          {t('accounts.redeem.toLogin')}
        </ButtonLink>
      </Stack>
    </PublicShell>
  );
}
