import '../../app/i18n/page-texts.ts';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { requestPasswordReset } from './account.api.ts';
import { PublicCard, problemText } from './account-ui.tsx';

/** "Glömt lösenord?": asks for the address; the answer is the same whether it has an account or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.forgotTitle')} – Ordning`);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (value.trim() ? null : t('account.required')) },
  });
  const send = useMutation({ mutationFn: (email: string) => requestPasswordReset(email) });

  return (
    <PublicCard title={t('account.forgotTitle')} intro={t('account.forgotIntro')}>
      {send.isSuccess ? (
        <Alert color="green" role="status" variant="light">
          {t('account.forgotSent')}
        </Alert>
      ) : (
        <form noValidate onSubmit={form.onSubmit((values) => send.mutate(values.email.trim()))}>
          <Stack gap="md">
            {send.isError && (
              <Alert color="red" role="alert" variant="light">
                {problemText(send.error, t)}
              </Alert>
            )}
            <TextInput
              type="email"
              label={t('account.email')}
              autoComplete="email"
              required
              data-autofocus
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={send.isPending} fullWidth>
              {t('account.send')}
            </Button>
          </Stack>
        </form>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        color="gray"
        c="dark.9"
        td="underline"
        component={Link}
        to="/login"
      >
        {t('account.backToLogin')}
      </Button>
    </PublicCard>
  );
}
