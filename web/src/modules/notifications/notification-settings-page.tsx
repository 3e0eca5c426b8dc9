import '../../app/i18n/page-texts.ts';
import { Alert, Button, Center, Checkbox, Fieldset, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationSettings } from '../../../../contract/notifications.ts';
import { isApiError } from '../../app/api.ts';
import { notify } from '../../ui/notify.ts';
import { kindsFor, settingsFrom } from './notification-kinds.ts';
import { notificationSettingsQuery, saveNotificationSettings } from './notifications.api.ts';

const route = getRouteApi('/app/settings/notifications');

/**
 * E-postaviseringar: which mails the user gets (new orders, questions, answers, messages,
 * cancellations, overdue reminders), and whether as one summary a day instead. From the user menu.
 */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { me } = route.useRouteContext();
  const settings = useQuery(notificationSettingsQuery);
  useDocumentTitle(`${t('notificationSettings.title')} – Ordning`);

  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={1}>{t('notificationSettings.title')}</Title>
        <Text size="sm">{t('notificationSettings.intro', { email: me.email })}</Text>
      </div>
      {settings.isPending ? (
        <Center py="xl" role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : settings.isError ? (
        <Alert color="red" role="alert">
          {isApiError(settings.error) && settings.error.title
            ? settings.error.title
            : t('common.unexpectedError')}
        </Alert>
      ) : (
        <SettingsForm saved={settings.data} offered={kindsFor(me.memberships)} />
      )}
    </Stack>
  );
}

function SettingsForm({
  saved,
  offered,
}: {
  saved: NotificationSettings;
  offered: ReturnType<typeof kindsFor>;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [on, setOn] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(offered.map((k) => [k, !saved.off.includes(k)])),
  );
  const [digest, setDigest] = useState(saved.digest);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => saveNotificationSettings(settingsFrom({ saved, offered, on, digest })),
    onSuccess: (data) => {
      queryClient.setQueryData(notificationSettingsQuery.queryKey, data);
      notify(t('notificationSettings.saved'), 'success');
    },
    onError: (error) =>
      setProblem(
        isApiError(error)
          ? [error.title, ...error.fieldErrors.map((e) => e.message)].filter(Boolean).join(' ')
          : t('common.unexpectedError'),
      ),
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setProblem(null);
        save.mutate();
      }}
    >
      <Stack gap="md">
        {offered.length > 0 && (
          <Fieldset legend={t('notificationSettings.kindsTitle')}>
            <Stack gap="sm">
              {offered.map((kind) => (
                <Checkbox
                  key={kind}
                  label={t(`notificationSettings.kinds.${kind}`)}
                  checked={on[kind] ?? true}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    setOn((current) => ({ ...current, [kind]: checked }));
                  }}
                />
              ))}
            </Stack>
          </Fieldset>
        )}
        <Fieldset legend={t('notificationSettings.digestTitle')}>
          <Checkbox
            label={t('notificationSettings.digest')}
            description={t('notificationSettings.digestHint')}
            checked={digest}
            onChange={(event) => setDigest(event.currentTarget.checked)}
          />
        </Fieldset>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group>
          <Button
            type="submit"
            loading={save.isPending}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            mih={44}
          >
            {t('notificationSettings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
