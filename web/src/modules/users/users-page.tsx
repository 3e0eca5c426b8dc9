import '../../app/i18n/page-texts.ts';
import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { CreateUserDialog } from './create-user-dialog.tsx';
import { InviteDialog } from './invite-dialog.tsx';
import { PendingInvitations } from './pending-invitations.tsx';
import { SecuritySettings } from './security-settings.tsx';
import { usersQuery } from './users.api.ts';
import { UsersList } from './users-list.tsx';

const route = getRouteApi('/app/orgs/$orgId/users');

/** Användare: the company's people for its administrators (myMonitor, Blikk). */
export function UsersPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const admin = membership.role === 'admin';
  const users = useQuery({ ...usersQuery(orgId), enabled: admin });
  const [dialog, setDialog] = useState<'invite' | 'create' | null>(null);
  useDocumentTitle(`${t('accounts.users.title')} – ${membership.orgName} – Ordning`);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="end" wrap="wrap">
        <div>
          <Title order={1}>{t('accounts.users.title')}</Title>
          <Text size="sm">{t('accounts.users.intro', { company: membership.orgName })}</Text>
        </div>
        {admin && (
          <Group gap="sm">
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setDialog('invite')}>
              {t('accounts.users.invite')}
            </Button>
            <Button variant="default" onClick={() => setDialog('create')}>
              {t('accounts.users.create')}
            </Button>
          </Group>
        )}
      </Group>
      {!admin ? (
        <Text>{t('accounts.users.notAllowed')}</Text>
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-label={t('accounts.users.title')}>
            {users.isPending ? (
              <Center py="md" role="status">
                <Loader size="sm" aria-label={t('common.loading')} />
              </Center>
            ) : users.isError ? (
              <Alert color="red" role="alert">
                {isApiError(users.error) ? users.error.title : t('common.unexpectedError')}
              </Alert>
            ) : (
              <UsersList
                orgId={orgId}
                orgKind={membership.orgKind}
                companyName={membership.orgName}
                users={users.data.items}
              />
            )}
          </Paper>
          <PendingInvitations orgId={orgId} />
          <SecuritySettings orgId={orgId} />
          <InviteDialog orgId={orgId} opened={dialog === 'invite'} onClose={() => setDialog(null)} />
          <CreateUserDialog
            orgId={orgId}
            orgKind={membership.orgKind}
            opened={dialog === 'create'}
            onClose={() => setDialog(null)}
          />
        </>
      )}
    </Stack>
  );
}
