import '../../app/i18n/page-texts.ts';
import { Alert, Button, Center, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PasswordResetInfo } from '../../../../contract/account.ts';
import { notify } from '../../ui/notify.ts';
import { completePasswordReset, passwordResetInfo, sendPasswordResetSms } from './account.api.ts';
import { newPasswordChecks, PublicCard, problemText, showFieldErrors } from './account-ui.tsx';

const route = getRouteApi('/aterstall-losenord/$token');

/** The page of the reset link: a new password twice, and the two-step code when the account has one. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = route.useParams();
  useDocumentTitle(`${t('account.resetTitle')} – Ordning`);
  const info = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => passwordResetInfo(token),
    retry: false,
  });

  return (
    <PublicCard title={t('account.resetTitle')}>
      {info.isPending ? (
        <Center py="md" role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : info.isError ? (
        <>
          <Alert color="red" role="alert" variant="light">
            {problemText(info.error, t)}
          </Alert>
          <Button
            variant="subtle"
            size="compact-sm"
            color="gray"
            c="dark.9"
            td="underline"
            component={Link}
            to="/glomt-losenord"
          >
            {t('account.forgot')}
          </Button>
        </>
      ) : (
        <ResetForm token={token} info={info.data} />
      )}
    </PublicCard>
  );
}

function ResetForm({ token, info }: { token: string; info: PasswordResetInfo }) {
  const { t } = useTranslation();
  const checks = newPasswordChecks(t, info.passwordMinLength);
  const form = useForm({
    initialValues: { password: '', confirmation: '', code: '' },
    validate: {
      password: checks.password,
      confirmation: checks.confirmation,
      code: (value) => (info.secondFactor && !value.trim() ? t('account.required') : null),
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      completePasswordReset(token, {
        password: values.password,
        ...(info.secondFactor ? { code: values.code.trim() } : {}),
      }),
    onError: (error) => showFieldErrors(form, error),
  });
  const sms = useMutation({
    mutationFn: () => sendPasswordResetSms(token),
    onSuccess: () => notify(t('account.smsResent'), 'success'),
  });

  if (save.isSuccess) {
    return (
      <>
        <Alert color="green" role="status" variant="light">
          {t('account.resetDone')}
        </Alert>
        <Button component={Link} to="/login">
          {t('login.title')}
        </Button>
      </>
    );
  }

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="md">
        {save.isError && Object.keys(form.errors).length === 0 && (
          <Alert color="red" role="alert" variant="light">
            {problemText(save.error, t)}
          </Alert>
        )}
        <PasswordInput
          label={t('account.newPassword')}
          description={t('account.passwordRuleMin', { min: info.passwordMinLength })}
          autoComplete="new-password"
          required
          data-autofocus
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('account.confirmPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirmation')}
        />
        {info.secondFactor && (
          <>
            <TextInput
              label={t('account.code')}
              description={t('account.resetCodeHelp')}
              autoComplete="one-time-code"
              required
              {...form.getInputProps('code')}
            />
            {info.secondFactor === 'sms' && (
              <Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  color="gray"
                  c="dark.9"
                  td="underline"
                  type="button"
                  onClick={() => sms.mutate()}
                >
                  {t('account.resetSmsSend')}
                </Button>
              </Text>
            )}
          </>
        )}
        <Button type="submit" loading={save.isPending} fullWidth>
          {t('account.save')}
        </Button>
      </Stack>
    </form>
  );
}
