import '../../app/i18n/page-texts.ts';
import { Alert, Button, Center, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { useMedia } from '../../ui/media.ts';
import { notify } from '../../ui/notify.ts';
import { heldMailQuery } from '../communication/communication.api.ts';
import { HeldMailList } from '../communication/held-mail.tsx';
import { type FailedMail, failedMailQuery, resendMail } from './notifications.api.ts';

const route = getRouteApi('/app/orgs/$orgId/mail');

/**
 * E-post att hantera, for a company's administrators: mail about its orders that could not be
 * delivered after every attempt (with the address and the error, and Skicka igen once the address is
 * right or the mail server is back), and replies from unknown senders waiting for review.
 */
export function MailAdminPage() {
  const { t } = useTranslation();
  const { orgId } = route.useParams();
  const { membership } = route.useRouteContext();
  const admin = membership.role === 'admin';
  const failed = useQuery({ ...failedMailQuery(orgId), enabled: admin });
  const held = useQuery({ ...heldMailQuery(orgId), enabled: admin });
  useDocumentTitle(`${t('mailAdmin.title')} – ${membership.orgName} – Ordning`);

  const problem = (error: unknown) => (
    <Alert color="red" role="alert">
      {isApiError(error) && error.title ? error.title : t('common.unexpectedError')}
    </Alert>
  );
  const loading = (
    <Center py="md" role="status">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('mailAdmin.title')}</Title>
        <Text size="sm">{t('mailAdmin.intro')}</Text>
      </div>
      {!admin ? (
        <Text>{t('mailAdmin.notAllowed')}</Text>
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="failed-title">
            <Title order={2} size="h4" id="failed-title" mb="sm">
              {t('mailAdmin.failedTitle')}
            </Title>
            {failed.isPending ? (
              loading
            ) : failed.isError ? (
              problem(failed.error)
            ) : failed.data.items.length === 0 ? (
              <Text>{t('mailAdmin.failedNone')}</Text>
            ) : (
              <FailedMailTable orgId={orgId} items={failed.data.items} />
            )}
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="held-title">
            <Title order={2} size="h4" id="held-title" mb="xs">
              {t('talk.held.title')}
            </Title>
            <Text size="sm" mb="sm">
              {t('talk.held.intro')}
            </Text>
            {held.isPending ? (
              loading
            ) : held.isError ? (
              problem(held.error)
            ) : held.data.items.length === 0 ? (
              <Text>{t('talk.held.none')}</Text>
            ) : (
              <HeldMailList orgId={orgId} items={held.data.items} withOrderLink />
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}

function FailedMailTable({ orgId, items }: { orgId: string; items: FailedMail[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const narrow = useMedia('narrow');
  const resend = useMutation({
    mutationFn: (mail: FailedMail) => resendMail({ orgId, jobId: mail.id }),
    onSuccess: (_data, mail) => {
      void queryClient.invalidateQueries({ queryKey: failedMailQuery(orgId).queryKey });
      notify(t('mailAdmin.resent', { to: mail.to.join(', ') }), 'success');
    },
    onError: (error) =>
      notify(isApiError(error) && error.title ? error.title : t('common.unexpectedError'), 'error'),
  });

  const resendButton = (mail: FailedMail) => (
    <Button
      variant="default"
      size="sm"
      mih={40}
      leftSection={<IconRefresh size={16} aria-hidden />}
      loading={resend.isPending && resend.variables?.id === mail.id}
      disabled={resend.isPending}
      onClick={() => resend.mutate(mail)}
      aria-label={t('mailAdmin.resendNamed', { subject: mail.subject, to: mail.to.join(', ') })}
    >
      {t('mailAdmin.resend')}
    </Button>
  );
  const orderLink = (mail: FailedMail) =>
    mail.workOrderId ? (
      <AnchorLink to="/orgs/$orgId/work-orders/$id" params={{ orgId, id: mail.workOrderId }} size="sm">
        {t('mailAdmin.openOrder')}
      </AnchorLink>
    ) : null;

  if (narrow) {
    return (
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((mail) => (
          <li
            key={mail.id}
            style={{ borderTop: '1px solid var(--mantine-color-default-border)', paddingTop: 8 }}
          >
            <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
              {mail.subject}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('mailAdmin.to')}: {mail.to.join(', ')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('mailAdmin.failedAt')}: {formatDateTime(mail.failedAt ?? mail.createdAt)} ·{' '}
              {t('mailAdmin.attempts')}: {formatNumber(mail.attempts)}
            </Text>
            {mail.error && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('mailAdmin.error')}: {mail.error}
              </Text>
            )}
            <Stack gap={4} mt={6} align="flex-start">
              {orderLink(mail)}
              {resendButton(mail)}
            </Stack>
          </li>
        ))}
      </Stack>
    );
  }
  return (
    <Table verticalSpacing="xs" fz="sm" striped aria-labelledby="failed-title">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('mailAdmin.failedAt')}</Table.Th>
          <Table.Th scope="col">{t('mailAdmin.to')}</Table.Th>
          <Table.Th scope="col">{t('mailAdmin.subject')}</Table.Th>
          <Table.Th scope="col">{t('mailAdmin.error')}</Table.Th>
          <Table.Th scope="col">{t('mailAdmin.attempts')}</Table.Th>
          <Table.Th scope="col">{t('mailAdmin.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((mail) => (
          <Table.Tr key={mail.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(mail.failedAt ?? mail.createdAt)}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{mail.to.join(', ')}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {mail.subject}
              <div>{orderLink(mail)}</div>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{mail.error ?? ''}</Table.Td>
            <Table.Td>{formatNumber(mail.attempts)}</Table.Td>
            <Table.Td>{resendButton(mail)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
