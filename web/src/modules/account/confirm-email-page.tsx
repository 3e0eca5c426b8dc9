import '../../app/i18n/page-texts.ts';
import { Alert, Button, Center, Loader } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmEmailChange } from './account.api.ts';
import { PublicCard, problemText } from './account-ui.tsx';

const route = getRouteApi('/bekrafta-epost/$token');

/** The link mailed to a new address: following it makes the address the account's. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  const queryClient = useQueryClient();
  useDocumentTitle(`${t('account.emailLinkTitle')} – Ordning`);
  const confirm = useMutation({
    mutationFn: () => confirmEmailChange(token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the link is confirmed once, when opened.
  useEffect(() => {
    confirm.mutate();
  }, [token]);

  return (
    <PublicCard title={confirm.isSuccess ? t('account.emailConfirmedTitle') : t('account.emailLinkTitle')}>
      {confirm.isSuccess ? (
        <Alert color="green" role="status" variant="light">
          {t('account.emailConfirmed', { email: confirm.data.email })}
        </Alert>
      ) : confirm.isError ? (
        <Alert color="red" role="alert" variant="light">
          {problemText(confirm.error, t)}
        </Alert>
      ) : (
        <Center py="md" role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <Button component={Link} to="/" variant="default">
        {t('errors.home')}
      </Button>
    </PublicCard>
  );
}
