import '../../app/i18n/page-texts.ts';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/session.ts';
import { meQuery } from '../session/session.api.ts';
import { completeFirstLogin } from './account.api.ts';
import { AtGate, newPasswordChecks, PublicCard, problemText, showFieldErrors } from './account-ui.tsx';
import { LogoutLink } from './logout-link.tsx';

const route = getRouteApi('/forsta-inloggningen');

/**
 * Familjebostäder's first login: "Kontrollera dina kontaktuppgifter och byt lösenord" — shown before
 * anything else to an account created with a given password.
 */
export function FirstLoginPage() {
  return <AtGate gate="password_change">{(me) => <FirstLoginPageStep me={me} />}</AtGate>;
}

function FirstLoginPageStep({ me }: { me: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.firstLoginTitle')} – Ordning`);
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const min = me.secondFactor ? 8 : 15;
  const checks = newPasswordChecks(t, min);
  const form = useForm({
    initialValues: {
      name: me.name,
      phone: me.phone ?? '',
      otherPhone: me.otherPhone ?? '',
      newPassword: '',
      confirmation: '',
    },
    validate: {
      name: (v) => (v.trim() ? null : t('account.required')),
      newPassword: checks.password,
      confirmation: checks.confirmation,
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      completeFirstLogin({
        name: v.name.trim(),
        phone: v.phone.trim() || null,
        otherPhone: v.otherPhone.trim() || null,
        newPassword: v.newPassword,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      await navigate({ href: search.redirect ?? '/', replace: true });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  return (
    <PublicCard title={t('account.firstLoginTitle')} intro={t('account.firstLoginIntro')}>
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="md">
          {save.isError && Object.keys(form.errors).length === 0 && (
            <Alert color="red" role="alert" variant="light">
              {problemText(save.error, t)}
            </Alert>
          )}
          <TextInput label={t('account.username')} value={me.username} readOnly variant="filled" />
          <TextInput label={t('account.email')} value={me.email} readOnly variant="filled" />
          <TextInput label={t('account.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            type="tel"
            label={t('account.mobile')}
            description={t('account.mobileHint')}
            autoComplete="tel"
            {...form.getInputProps('phone')}
          />
          <TextInput
            label={t('account.otherPhone')}
            autoComplete="off"
            {...form.getInputProps('otherPhone')}
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={me.secondFactor ? t('account.passwordRuleMin', { min }) : t('account.passwordRule')}
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
          <Button type="submit" loading={save.isPending} fullWidth>
            {t('account.firstLoginSubmit')}
          </Button>
          <LogoutLink />
        </Stack>
      </form>
    </PublicCard>
  );
}
