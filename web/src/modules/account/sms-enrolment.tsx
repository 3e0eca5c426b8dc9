import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmSms, startSms } from './account.api.ts';
import { problemText, showFieldErrors } from './account-ui.tsx';
import { RecoveryCodesList } from './recovery-codes.tsx';

/** Turning on SMS codes: the password and the number, then the code sent there, then recovery codes. */
export function SmsEnrolment({
  phone: initialPhone,
  onDone,
  onCancel,
}: {
  phone: string | null;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useForm({
    initialValues: { password: '', phone: initialPhone ?? '', code: '' },
    validate: {
      password: (v) => (sentTo || v ? null : t('account.required')),
      phone: (v) => (v.trim() ? null : t('account.required')),
      code: (v) => (!sentTo || v.trim() ? null : t('account.required')),
    },
  });
  const start = useMutation({
    mutationFn: () => startSms({ password: form.values.password, phone: form.values.phone.trim() }),
    onSuccess: () => setSentTo(form.values.phone.trim()),
    onError: (error) => showFieldErrors(form, error),
  });
  const confirm = useMutation({
    mutationFn: () => confirmSms({ phone: sentTo!, code: form.values.code.trim() }),
    onSuccess: (data) => setCodes(data.recoveryCodes),
    onError: (error) => showFieldErrors(form, error),
  });
  if (codes) return <RecoveryCodesList codes={codes} onDone={onDone} />;
  const error = start.error ?? confirm.error;

  return (
    <form noValidate onSubmit={form.onSubmit(() => (sentTo ? confirm.mutate() : start.mutate()))}>
      <Stack gap="sm">
        {error && Object.keys(form.errors).length === 0 && (
          <Alert color="red" role="alert" variant="light">
            {problemText(error, t)}
          </Alert>
        )}
        {sentTo ? (
          <>
            <Text size="sm">{t('account.smsSent', { phone: sentTo })}</Text>
            <TextInput
              label={t('account.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              required
              data-autofocus
              {...form.getInputProps('code')}
            />
          </>
        ) : (
          <>
            <PasswordInput
              label={t('account.currentPassword')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <TextInput
              type="tel"
              label={t('account.smsPhone')}
              autoComplete="tel"
              required
              {...form.getInputProps('phone')}
            />
          </>
        )}
        <Group gap="xs">
          <Button type="submit" loading={start.isPending || confirm.isPending}>
            {sentTo ? t('account.confirm') : t('account.continue')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('account.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
