import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { endOtherSessions, endSession, sessionsQuery } from './account.api.ts';
import { problemText } from './account-ui.tsx';

/** Inloggningar: where the user is logged in, with "Logga ut överallt annars". */
export function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery);
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
  const others = useMutation({
    mutationFn: endOtherSessions,
    onSuccess: async () => {
      notify(t('account.loggedOutOthers'), 'success');
      await refresh();
    },
  });
  const one = useMutation({ mutationFn: endSession, onSuccess: refresh });
  const list = sessions.data?.sessions ?? [];
  const error = sessions.error ?? others.error ?? one.error;

  return (
    <Stack gap="sm" component="section" aria-labelledby="sessions-heading">
      <Title order={2} size="h3" id="sessions-heading">
        {t('account.sessions')}
      </Title>
      <Text size="sm">{t('account.sessionsIntro')}</Text>
      {error && (
        <Alert color="red" role="alert" variant="light">
          {problemText(error, t)}
        </Alert>
      )}
      <ScrollTable minWidth={560} label={t('account.sessions')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.device')}</Table.Th>
              <Table.Th>{t('account.ip')}</Table.Th>
              <Table.Th>{t('account.started')}</Table.Th>
              <Table.Th>{t('account.lastSeen')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.device}
                  {s.current && (
                    <Text span size="sm" fw={700}>
                      {' '}
                      ({t('account.thisDevice')})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{s.ip ?? '–'}</Table.Td>
                <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                <Table.Td>
                  {!s.current && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('account.endSessionOf', { device: s.device })}
                      onClick={() => one.mutate(s.id)}
                    >
                      {t('account.endSession')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Group>
        <Button
          variant="default"
          onClick={() => others.mutate()}
          loading={others.isPending}
          disabled={list.length < 2}
        >
          {t('account.logoutOthers')}
        </Button>
      </Group>
    </Stack>
  );
}
