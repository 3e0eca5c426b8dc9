import { Alert, Box, Button, Code, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment as Enrolment } from '../../../../contract/account.ts';
import { confirmTotp, startTotp } from './account.api.ts';
import { problemText, showFieldErrors } from './account-ui.tsx';
import { RecoveryCodesList } from './recovery-codes.tsx';

/**
 * Turning on the authenticator app: the password, then the QR code and the key in text, then a code
 * from the app, then the ten recovery codes (shown once). `onDone` runs when the codes are saved.
 */
export function TotpEnrolment({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const passwordForm = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v ? null : t('account.required')) },
  });
  const codeForm = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(v.trim()) ? null : t('account.enterAppCode')) },
  });
  const start = useMutation({
    mutationFn: (password: string) => startTotp(password),
    onSuccess: setEnrolment,
    onError: (error) => showFieldErrors(passwordForm, error),
  });
  const confirm = useMutation({
    mutationFn: (code: string) => confirmTotp(code),
    onSuccess: (data) => setCodes(data.recoveryCodes),
    onError: (error) => showFieldErrors(codeForm, error),
  });

  if (codes) return <RecoveryCodesList codes={codes} onDone={onDone} />;

  if (!enrolment) {
    return (
      <form noValidate onSubmit={passwordForm.onSubmit((v) => start.mutate(v.password))}>
        <Stack gap="sm">
          <Text size="sm">{t('account.startHelp')}</Text>
          {start.isError && !passwordForm.errors.password && (
            <Alert color="red" role="alert" variant="light">
              {problemText(start.error, t)}
            </Alert>
          )}
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            data-autofocus
            {...passwordForm.getInputProps('password')}
          />
          <Group gap="xs">
            <Button type="submit" loading={start.isPending}>
              {t('account.continue')}
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

  return (
    <form noValidate onSubmit={codeForm.onSubmit((v) => confirm.mutate(v.code.trim()))}>
      <Stack gap="sm">
        <Text size="sm">{t('account.scanQr')}</Text>
        <Box maw={220}>
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt={t('account.qrAlt')}
            width={220}
            height={220}
          />
        </Box>
        <Text size="sm">{t('account.keyText')}</Text>
        <Code block data-testid="totp-key" fz="md">
          {enrolment.secret}
        </Code>
        {confirm.isError && !codeForm.errors.code && (
          <Alert color="red" role="alert" variant="light">
            {problemText(confirm.error, t)}
          </Alert>
        )}
        <TextInput
          label={t('account.enterAppCode')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
          {...codeForm.getInputProps('code')}
        />
        <Group gap="xs">
          <Button type="submit" loading={confirm.isPending}>
            {t('account.confirm')}
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
