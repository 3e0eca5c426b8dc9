import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { notify } from '../../ui/notify.ts';
import { workOrderKeys } from '../work-orders/work-orders.api.ts';
import { type HeldMail, reviewHeld, talkKeys } from './communication.api.ts';

/**
 * Replies by mail from addresses that are not one of the order's parties: held until an
 * administrator posts one onto its order (as from its sender) or rejects it.
 */
export function HeldMailList({
  orgId,
  items,
  withOrderLink,
}: {
  orgId: string;
  items: HeldMail[];
  /** On the company's mail page each reply names its order; on the order page it need not. */
  withOrderLink: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const review = useMutation({
    mutationFn: (args: { mail: HeldMail; decision: 'post' | 'reject' }) =>
      reviewHeld({ orgId, messageId: args.mail.id, decision: args.decision }),
    onSuccess: (_data, { mail, decision }) => {
      void queryClient.invalidateQueries({ queryKey: talkKeys.held(orgId) });
      void queryClient.invalidateQueries({ queryKey: talkKeys.messages(orgId, mail.workOrderId) });
      // A posted reply's files join the order's photos and files.
      void queryClient.invalidateQueries({ queryKey: talkKeys.attachments(orgId, mail.workOrderId) });
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(orgId, mail.workOrderId) });
      notify(
        decision === 'post'
          ? t('talk.held.posted', { number: mail.workOrderNumber })
          : t('talk.held.rejected', { from: mail.fromEmail }),
        'success',
      );
    },
    onError: (error) =>
      notify(isApiError(error) && error.title ? error.title : t('common.unexpectedError'), 'error'),
  });

  return (
    <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((mail) => (
        <li
          key={mail.id}
          aria-label={t('talk.held.from', { from: mail.fromEmail })}
          style={{ borderTop: '1px solid var(--mantine-color-default-border)', paddingTop: 12 }}
        >
          <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
            {t('talk.held.from', { from: mail.fromEmail })}
          </Text>
          <Text size="sm" c="dimmed">
            {formatDateTime(mail.receivedAt)}
            {mail.subject ? ` · ${mail.subject}` : ''}
          </Text>
          {withOrderLink && (
            <AnchorLink to="/orgs/$orgId/work-orders/$id" params={{ orgId, id: mail.workOrderId }} size="sm">
              {t('talk.held.order', { number: mail.workOrderNumber })}
            </AnchorLink>
          )}
          <Text mt={4} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {mail.body}
          </Text>
          {mail.attachments.length > 0 && (
            <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {t('talk.held.files', { files: mail.attachments.map((f) => f.fileName).join(', ') })}
            </Text>
          )}
          <Group gap="sm" mt="xs">
            <Button
              mih={44}
              loading={
                review.isPending &&
                review.variables?.mail.id === mail.id &&
                review.variables.decision === 'post'
              }
              disabled={review.isPending}
              onClick={() => review.mutate({ mail, decision: 'post' })}
              aria-label={t('talk.held.postNamed', { from: mail.fromEmail })}
            >
              {t('talk.held.post')}
            </Button>
            <Button
              mih={44}
              variant="outline"
              color="red.9"
              loading={
                review.isPending &&
                review.variables?.mail.id === mail.id &&
                review.variables.decision === 'reject'
              }
              disabled={review.isPending}
              onClick={() => review.mutate({ mail, decision: 'reject' })}
              aria-label={t('talk.held.rejectNamed', { from: mail.fromEmail })}
            >
              {t('talk.held.reject')}
            </Button>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
