import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, SecondFactorMethod } from '../../../../contract/session.ts';
import { notify } from '../../ui/notify.ts';
import { completeSecondFactor, resendLoginSms } from './account.api.ts';
import { problemText, showFieldErrors } from './account-ui.tsx';

/** The login's second step: the code from the app or SMS, or one of the recovery codes. */
export function SecondFactorStep({
  method,
  onDone,
  onBack,
}: {
  method: SecondFactorMethod;
  onDone: (me: Me) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (value.trim() ? null : t('account.required')) },
  });
  const verify = useMutation({
    mutationFn: (code: string) => completeSecondFactor(code),
    onSuccess: onDone,
    onError: (error) => showFieldErrors(form, error),
  });
  const resend = useMutation({
    mutationFn: resendLoginSms,
    onSuccess: () => notify(t('account.smsResent'), 'success'),
  });
  const error = verify.error ?? resend.error;

  return (
    <form noValidate onSubmit={form.onSubmit((values) => verify.mutate(values.code.trim()))}>
      <Stack gap="md">
        <Text>
          {recovery
            ? t('account.resetCodeHelp')
            : method === 'sms'
              ? t('account.secondFactorIntroSms')
              : t('account.secondFactorIntroTotp')}
        </Text>
        {error && !form.errors.code && (
          <Alert color="red" role="alert" variant="light">
            {problemText(error, t)}
          </Alert>
        )}
        {recovery ? (
          <TextInput
            key="recovery"
            label={t('account.recoveryCode')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
            {...form.getInputProps('code')}
          />
        ) : (
          <TextInput
            key="code"
            label={t('account.code')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            data-autofocus
            {...form.getInputProps('code')}
          />
        )}
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('login.submit')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            type="button"
            onClick={() => {
              setRecovery((r) => !r);
              form.reset();
            }}
          >
            {recovery ? t('account.useCode') : t('account.useRecoveryCode')}
          </Button>
          {method === 'sms' && !recovery && (
            <Button
              variant="subtle"
              size="compact-sm"
              color="gray"
              c="dark.9"
              td="underline"
              type="button"
              onClick={() => resend.mutate()}
            >
              {t('account.resendSms')}
            </Button>
          )}
        </Group>
        <Button
          variant="subtle"
          size="compact-sm"
          color="gray"
          c="dark.9"
          td="underline"
          type="button"
          onClick={onBack}
        >
          {t('account.backToLogin')}
        </Button>
      </Stack>
    </form>
  );
}
