import '../../app/i18n/page-texts.ts';
import { Alert, Button, Center, Loader, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { PublicShell } from '../invitations/public-shell.tsx';
import { accountSetupQuery, completeAccountSetup } from './operator.api.ts';

const route = getRouteApi('/account-setup/$token');

/** myMonitor "Skapa första kontot": the set-up link printed by `npm run admin -- create-operator`. */
export function AccountSetupPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('accounts.setup.title')} – Ordning`);
  const { token } = route.useParams();
  const view = useQuery(accountSetupQuery(token));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const required = (value: string) => (value.trim() ? null : t('accounts.redeem.required'));
  const form = useForm({
    initialValues: { username: '', password: '', passwordConfirmation: '' },
    validate: {
      username: required,
      password: (value) => (value ? null : t('accounts.redeem.required')),
      passwordConfirmation: (value, values) =>
        value === values.password ? null : t('accounts.redeem.mismatch'),
    },
  });
  const setup = useMutation({
    mutationFn: (values: typeof form.values) => completeAccountSetup(token, values),
    onSuccess: async () => {
      queryClient.clear();
      await navigate({ to: '/operator/companies', replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.fieldErrors.length)
        form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
    },
  });

  return (
    <PublicShell>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('accounts.setup.title')}
        </Title>
        {view.isPending ? (
          <Center py="md" role="status">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : view.isError ? (
          <Alert color="red" role="alert">
            {t('accounts.setup.invalid')}
          </Alert>
        ) : (
          <form noValidate onSubmit={form.onSubmit((values) => setup.mutate(values))}>
            <Stack gap="sm">
              <Text>{t('accounts.setup.intro', { email: view.data.email })}</Text>
              {setup.isError && !(isApiError(setup.error) && setup.error.fieldErrors.length) && (
                <Alert color="red" role="alert">
                  {isApiError(setup.error) ? setup.error.title : t('common.unexpectedError')}
                </Alert>
              )}
              <TextInput
                label={t('accounts.redeem.username')}
                autoComplete="username"
                autoCapitalize="none"
                required
                {...form.getInputProps('username')}
              />
              <PasswordInput
                label={t('accounts.redeem.password')}
                description={t('accounts.redeem.passwordHint')}
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                required
                {...form.getInputProps('password')}
              />
              <PasswordInput
                label={t('accounts.redeem.passwordConfirmation')}
                autoComplete="new-password"
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                required
                {...form.getInputProps('passwordConfirmation')}
              />
              <Button type="submit" loading={setup.isPending}>
                {t('accounts.setup.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicShell>
  );
}
