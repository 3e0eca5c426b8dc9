import { Paper, Switch, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { notify } from '../../ui/notify.ts';
import { saveSecuritySettings, securitySettingsQuery } from './users.api.ts';

/** Kräv tvåstegsverifiering för alla användare (myMonitor); enforced at login. */
export function SecuritySettings({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery(securitySettingsQuery(orgId));
  const save = useMutation({
    mutationFn: (value: boolean) => saveSecuritySettings(orgId, value),
    onSuccess: (data) => {
      queryClient.setQueryData(securitySettingsQuery(orgId).queryKey, data);
      notify(t('accounts.users.saved'), 'success');
    },
    onError: (error) => notify(isApiError(error) ? error.title : t('common.unexpectedError'), 'error'),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="security-title">
      <Title order={2} size="h4" id="security-title" mb="sm">
        {t('accounts.users.securityTitle')}
      </Title>
      <Switch
        label={t('accounts.users.requireTwoFactor')}
        description={t('accounts.users.requireTwoFactorHint')}
        checked={settings.data?.requireTwoFactor ?? false}
        disabled={!settings.data || save.isPending}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
      />
    </Paper>
  );
}
