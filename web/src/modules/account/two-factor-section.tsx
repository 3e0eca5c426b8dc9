import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../contract/account.ts';
import { notify } from '../../ui/notify.ts';
import { meQuery } from '../session/session.api.ts';
import { disableSecondFactor, profileQuery, regenerateRecoveryCodes } from './account.api.ts';
import { problemText, showFieldErrors } from './account-ui.tsx';
import { RecoveryCodesList } from './recovery-codes.tsx';
import { SmsEnrolment } from './sms-enrolment.tsx';
import { TotpEnrolment } from './totp-enrolment.tsx';

type Mode = 'idle' | 'totp' | 'sms' | 'disable' | 'codes';

/** Tvåstegsverifiering: turn on (app or SMS), new recovery codes, turn off — each with the password. */
export function TwoFactorSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('idle');
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const refresh = async () => {
    setMode('idle');
    setNewCodes(null);
    await queryClient.invalidateQueries({ queryKey: profileQuery.queryKey });
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey, exact: true });
    // Användare shows each member's two-step verification, one's own included.
    await queryClient.invalidateQueries({ queryKey: ['users'] });
  };
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v ? null : t('account.required')) },
  });
  const disable = useMutation({
    mutationFn: (password: string) => disableSecondFactor(password),
    onSuccess: async () => {
      form.reset();
      notify(t('account.disabled'), 'success');
      await refresh();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const regenerate = useMutation({
    mutationFn: (password: string) => regenerateRecoveryCodes(password),
    onSuccess: (data) => {
      form.reset();
      setNewCodes(data.recoveryCodes);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const pending = mode === 'disable' ? disable : regenerate;

  return (
    <Stack gap="sm" component="section" aria-labelledby="two-factor-heading">
      <Title order={2} size="h3" id="two-factor-heading">
        {t('account.twoFactor')}
      </Title>
      <Text size="sm" role="status">
        {profile.secondFactor === 'totp'
          ? t('account.twoFactorOnTotp')
          : profile.secondFactor === 'sms'
            ? t('account.twoFactorOnSms', { phone: profile.phone ?? '' })
            : t('account.twoFactorOff')}
        {profile.secondFactor ? ` ${t('account.recoveryLeft', { count: profile.recoveryCodesLeft })}` : ''}
      </Text>
      {newCodes ? (
        <RecoveryCodesList codes={newCodes} onDone={() => void refresh()} />
      ) : mode === 'totp' ? (
        <TotpEnrolment
          onDone={async () => {
            notify(t('account.enabled'), 'success');
            await refresh();
          }}
          onCancel={() => setMode('idle')}
        />
      ) : mode === 'sms' ? (
        <SmsEnrolment
          phone={profile.phone}
          onDone={async () => {
            notify(t('account.enabled'), 'success');
            await refresh();
          }}
          onCancel={() => setMode('idle')}
        />
      ) : mode === 'disable' || mode === 'codes' ? (
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            mode === 'disable' ? disable.mutate(v.password) : regenerate.mutate(v.password),
          )}
        >
          <Stack gap="sm">
            {pending.isError && !form.errors.password && (
              <Alert color="red" role="alert" variant="light">
                {problemText(pending.error, t)}
              </Alert>
            )}
            <PasswordInput
              label={t('account.currentPassword')}
              autoComplete="current-password"
              required
              data-autofocus
              {...form.getInputProps('password')}
            />
            <Group gap="xs">
              <Button
                type="submit"
                color={mode === 'disable' ? 'red' : undefined}
                loading={pending.isPending}
              >
                {mode === 'disable' ? t('account.disable') : t('account.newRecoveryCodes')}
              </Button>
              <Button variant="default" onClick={() => setMode('idle')}>
                {t('account.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : profile.secondFactor ? (
        <Group gap="xs">
          <Button variant="default" onClick={() => setMode('codes')}>
            {t('account.newRecoveryCodes')}
          </Button>
          <Button variant="default" color="red" onClick={() => setMode('disable')}>
            {t('account.disable')}
          </Button>
        </Group>
      ) : (
        <Group gap="xs">
          <Button onClick={() => setMode('totp')}>{t('account.enableTotp')}</Button>
          {profile.smsAvailable && (
            <Button variant="default" onClick={() => setMode('sms')}>
              {t('account.enableSms')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
