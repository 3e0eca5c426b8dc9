import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingInvitation } from '../../../../contract/invitations.ts';
import { isApiError } from '../../app/api.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { formatDate } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import {
  pendingInvitationsQuery,
  resendInvitation,
  revokeInvitation,
} from '../invitations/invitations.api.ts';

/** Inbjudningar som väntar: status Inbjuden, with Skicka igen and Återkalla. */
export function PendingInvitations({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pending = useQuery(pendingInvitationsQuery(orgId));
  const [revoking, setRevoking] = useState<PendingInvitation | null>(null);
  const refresh = () =>
    void queryClient.invalidateQueries({ queryKey: pendingInvitationsQuery(orgId).queryKey });
  const fail = (error: unknown) =>
    notify(isApiError(error) ? error.title : t('common.unexpectedError'), 'error');
  const resend = useMutation({
    mutationFn: (i: PendingInvitation) => resendInvitation(orgId, i.id),
    onSuccess: (_d, i) => {
      refresh();
      notify(t('accounts.users.resent', { email: i.email }), 'success');
    },
    onError: fail,
  });
  const revoke = useMutation({
    mutationFn: (i: PendingInvitation) => revokeInvitation(orgId, i.id),
    onSuccess: () => {
      refresh();
      setRevoking(null);
      notify(t('accounts.users.revoked'), 'success');
    },
    onError: fail,
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pending-title">
      <Title order={2} size="h4" id="pending-title" mb="sm">
        {t('accounts.users.pendingTitle')}
      </Title>
      {!pending.data ? null : pending.data.items.length === 0 ? (
        <Text>{t('accounts.users.pendingNone')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {pending.data.items.map((i) => (
            <Group key={i.id} component="li" justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text fw={600}>
                  {i.email}{' '}
                  <Badge color={i.expired ? 'red.9' : 'blue.9'} c="white" tt="none" radius="sm">
                    {i.expired ? t('accounts.users.expiredBadge') : t('accounts.users.statusInvited')}
                  </Badge>
                </Text>
                <Text size="sm">
                  {t(`roles.${i.role}`)} · {t('accounts.users.sent')} {formatDate(i.sentAt)} ·{' '}
                  {t('accounts.users.expires')} {formatDate(i.expiresAt)}
                </Text>
              </div>
              <Group gap="xs">
                <Button
                  variant="default"
                  size="sm"
                  mih={40}
                  loading={resend.isPending && resend.variables?.id === i.id}
                  onClick={() => resend.mutate(i)}
                  aria-label={`${t('accounts.users.resend')}: ${i.email}`}
                >
                  {t('accounts.users.resend')}
                </Button>
                <Button
                  variant="default"
                  size="sm"
                  mih={40}
                  onClick={() => setRevoking(i)}
                  aria-label={`${t('accounts.users.revoke')}: ${i.email}`}
                >
                  {t('accounts.users.revoke')}
                </Button>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('accounts.users.revoke')}
        message={t('accounts.users.revokeConfirm', { email: revoking?.email ?? '' })}
        confirmLabel={t('accounts.users.revoke')}
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      />
    </Paper>
  );
}
