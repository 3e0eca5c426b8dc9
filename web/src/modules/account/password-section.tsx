import { Alert, Button, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../contract/account.ts';
import { notify } from '../../ui/notify.ts';
import { changePassword, sessionsQuery } from './account.api.ts';
import { newPasswordChecks, problemText, showFieldErrors } from './account-ui.tsx';

/** Byt lösenord: the current one, the new one twice; other sessions end on the server. */
export function PasswordSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const checks = newPasswordChecks(t, profile.passwordMinLength);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('account.required')),
      newPassword: checks.password,
      confirmation: checks.confirmation,
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: async () => {
      form.reset();
      notify(t('account.passwordChanged'), 'success');
      await queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h3" id="password-heading">
        {t('account.passwordSection')}
      </Title>
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          {save.isError && Object.keys(form.errors).length === 0 && (
            <Alert color="red" role="alert" variant="light">
              {problemText(save.error, t)}
            </Alert>
          )}
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={
              profile.secondFactor
                ? t('account.passwordRuleMin', { min: profile.passwordMinLength })
                : t('account.passwordRule')
            }
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('account.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmation')}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('account.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
