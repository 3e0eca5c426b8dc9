import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Message } from '../../../../contract/communication.ts';
import type { Membership } from '../../../../contract/organizations.ts';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { workOrderKeys } from '../work-orders/work-orders.api.ts';
import { attachmentUrl, heldMailQuery, messagesQuery, postMessage, talkKeys } from './communication.api.ts';
import { FileUpload, PendingFile } from './file-upload.tsx';
import { HeldMailList } from './held-mail.tsx';

/**
 * Dialog (JM step 20, Familjebostäder's Meddelande till beställare): the messages between the two
 * companies on this order, oldest first. A message is e-mailed to the other side; a reply to that
 * mail comes back here as a message from its sender. Administrators also see replies from unknown
 * addresses that wait for review.
 */
export function MessagesSection({
  orgId,
  order,
  membership,
  canWrite,
}: {
  orgId: string;
  order: WorkOrder;
  membership: Membership;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const thread = useQuery(messagesQuery(orgId, order.id));
  const admin = membership.role === 'admin';
  const held = useQuery({ ...heldMailQuery(orgId), enabled: admin });
  const heldHere = (held.data?.items ?? []).filter((m) => m.workOrderId === order.id);
  const contractor = membership.orgKind === 'contractor';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="messages-title">
      <Title order={2} size="h4" id="messages-title" mb="sm">
        {contractor ? t('talk.messages.titleContractor') : t('talk.messages.titleClient')}
      </Title>
      <Stack gap="md">
        {thread.isPending ? (
          <Center py="md" role="status">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : thread.isError ? (
          <Alert color="red" role="alert">
            {isApiError(thread.error) && thread.error.title
              ? thread.error.title
              : t('common.unexpectedError')}
          </Alert>
        ) : thread.data.items.length === 0 ? (
          <Text>{t('talk.messages.none')}</Text>
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {thread.data.items.map((message) => (
              <MessageItem key={message.id} orgId={orgId} orderId={order.id} message={message} />
            ))}
          </Stack>
        )}
        {heldHere.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('talk.held.title')}
            </Title>
            <Text size="sm" mb="xs">
              {t('talk.held.intro')}
            </Text>
            <HeldMailList orgId={orgId} items={heldHere} withOrderLink={false} />
          </div>
        )}
        {canWrite && <Composer orgId={orgId} order={order} contractor={contractor} />}
      </Stack>
    </Paper>
  );
}

function MessageItem({ orgId, orderId, message }: { orgId: string; orderId: string; message: Message }) {
  const { t } = useTranslation();
  // The user's own company's messages are tinted, as a chat shows one's own side.
  const own = message.authorOrg?.id === orgId;
  const who = message.author?.name ?? message.fromEmail ?? t('talk.messages.unknownSender');
  return (
    <li
      style={{
        padding: 12,
        borderRadius: 6,
        border: '1px solid var(--mantine-color-default-border)',
        background: own ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-body)',
      }}
    >
      <Group justify="space-between" gap="xs" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
            {who}
            {message.authorOrg ? (
              <Text span size="sm" fw={400}>
                {' '}
                · {message.authorOrg.name}
              </Text>
            ) : null}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(message.createdAt)}
          </Text>
        </div>
        {message.direction === 'in' && (
          <Badge
            variant="outline"
            color="gray.7"
            tt="none"
            radius="sm"
            leftSection={<IconMailForward size={12} aria-hidden />}
          >
            {t('talk.messages.byMail')}
          </Badge>
        )}
      </Group>
      <Text mt={6} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {message.body}
      </Text>
      {message.attachments.length > 0 && (
        <Group component="ul" gap="sm" mt={6} p={0} style={{ listStyle: 'none' }}>
          {message.attachments.map((file) => (
            <li key={file.id}>
              <a
                href={attachmentUrl(orgId, orderId, file.id, file.kind === 'pdf' ? 'download' : 'file')}
                target="_blank"
                rel="noopener"
                style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 32 }}
              >
                <IconPaperclip size={14} aria-hidden />
                {file.fileName}
              </a>
            </li>
          ))}
        </Group>
      )}
      {message.sentTo.length > 0 && (
        <Text size="xs" c="dimmed" mt={6} style={{ overflowWrap: 'anywhere' }}>
          {t('talk.messages.sentTo', { to: message.sentTo.join(', ') })}
        </Text>
      )}
    </li>
  );
}

function Composer({ orgId, order, contractor }: { orgId: string; order: WorkOrder; contractor: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (value) => (value.trim() ? null : t('talk.messages.bodyRequired')) },
  });
  const send = useMutation({
    mutationFn: (body: string) =>
      postMessage({ orgId, id: order.id, body, attachmentIds: files.map((f) => f.id) }),
    onSuccess: (message) => {
      form.reset();
      setFiles([]);
      void queryClient.invalidateQueries({ queryKey: talkKeys.messages(orgId, order.id) });
      void queryClient.invalidateQueries({ queryKey: talkKeys.attachments(orgId, order.id) });
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(orgId, order.id) });
      notify(
        message.sentTo.length
          ? t('talk.messages.sent', { to: message.sentTo.join(', ') })
          : t('talk.messages.sentNoMail'),
        'success',
      );
    },
    onError: (error) => {
      if (isApiError(error, 400) && error.fieldErrors.length) {
        const onBody = error.fieldErrors.filter((e) => e.field === 'body');
        if (onBody.length) form.setFieldError('body', onBody.map((e) => e.message).join(' '));
        const other = error.fieldErrors.filter((e) => e.field !== 'body');
        if (other.length) setProblem(other.map((e) => e.message).join(' '));
        return;
      }
      setProblem(isApiError(error) && error.title ? error.title : t('common.unexpectedError'));
    },
  });

  return (
    <form
      noValidate
      aria-label={t('talk.messages.compose')}
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        send.mutate(values.body.trim());
      })}
    >
      <Stack gap="xs" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <Textarea
          label={t('talk.messages.body')}
          description={contractor ? t('talk.messages.hintContractor') : t('talk.messages.hintClient')}
          required
          autosize
          minRows={3}
          maxLength={10_000}
          {...form.getInputProps('body')}
        />
        {files.length > 0 && (
          <Stack
            component="ul"
            gap={4}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('talk.messages.files')}
          >
            {files.map((file) => (
              <PendingFile
                key={file.id}
                attachment={file}
                onRemove={() => setFiles((current) => current.filter((f) => f.id !== file.id))}
              />
            ))}
          </Stack>
        )}
        <FileUpload
          orgId={orgId}
          orderId={order.id}
          visibility="shared"
          onUploaded={(attachment) => {
            setFiles((current) => [...current, attachment]);
            void queryClient.invalidateQueries({ queryKey: talkKeys.attachments(orgId, order.id) });
          }}
        />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group>
          <Button
            type="submit"
            loading={send.isPending}
            leftSection={<IconSend size={16} aria-hidden />}
            mih={44}
          >
            {t('talk.messages.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
