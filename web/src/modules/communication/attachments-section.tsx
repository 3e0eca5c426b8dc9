import {
  Alert,
  Anchor,
  Badge,
  Center,
  Group,
  Loader,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Visibility } from '../../../../contract/communication.ts';
import { isApiError } from '../../app/api.ts';
import { useLocale } from '../../app/i18n/i18n.ts';
import { formatDateTime } from '../../ui/format.ts';
import { workOrderKeys } from '../work-orders/work-orders.api.ts';
import { attachmentsQuery, attachmentUrl, talkKeys } from './communication.api.ts';
import { FileUpload } from './file-upload.tsx';
import { formatSize } from './upload-rules.ts';
import { VisibilityBadge } from './visibility-badge.tsx';

/**
 * Bilder och filer: the order's photos (as thumbnails that open the full picture), video clips that
 * play in the page, and PDFs, each with a download link; and adding more, from a phone's camera too
 * ("Test med filmklipp" in JM's guide is an order with a clip).
 */
export function AttachmentsSection({
  orgId,
  orderId,
  contractor,
  canUpload,
}: {
  orgId: string;
  orderId: string;
  contractor: boolean;
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const files = useQuery(attachmentsQuery(orgId, orderId));
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const uploaded = () => {
    void queryClient.invalidateQueries({ queryKey: talkKeys.attachments(orgId, orderId) });
    void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(orgId, orderId) });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="files-title">
      <Title order={2} size="h4" id="files-title" mb="sm">
        {t('talk.files.title')}
      </Title>
      <Stack gap="md">
        {canUpload && (
          <Stack gap="xs">
            {contractor && (
              <Radio.Group
                label={t('talk.visibility')}
                value={visibility}
                onChange={(value) => setVisibility(value as Visibility)}
              >
                <Group gap="md" mt={4}>
                  {(['shared', 'internal'] as const).map((v) => (
                    <Radio key={v} value={v} label={t(`talk.visibilities.${v}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
            <FileUpload orgId={orgId} orderId={orderId} visibility={visibility} onUploaded={uploaded} />
          </Stack>
        )}
        {files.isPending ? (
          <Center py="md" role="status">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : files.isError ? (
          <Alert color="red" role="alert">
            {isApiError(files.error) && files.error.title ? files.error.title : t('common.unexpectedError')}
          </Alert>
        ) : files.data.items.length === 0 ? (
          <Text>{t('talk.files.none')}</Text>
        ) : (
          <SimpleGrid
            component="ul"
            cols={{ base: 1, xs: 2, md: 3 }}
            spacing="md"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {files.data.items.map((file) => (
              <AttachmentCard
                key={file.id}
                orgId={orgId}
                orderId={orderId}
                file={file}
                contractor={contractor}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function AttachmentCard({
  orgId,
  orderId,
  file,
  contractor,
}: {
  orgId: string;
  orderId: string;
  file: Attachment;
  contractor: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const url = attachmentUrl(orgId, orderId, file.id);
  return (
    <Stack component="li" gap={6}>
      {file.kind === 'image' ? (
        <a
          href={url}
          target="_blank"
          rel="noopener"
          aria-label={t('talk.files.openImage', { name: file.fileName })}
        >
          <img
            src={attachmentUrl(orgId, orderId, file.id, 'thumbnail')}
            alt={file.fileName}
            loading="lazy"
            style={{
              display: 'block',
              width: '100%',
              aspectRatio: '4 / 3',
              objectFit: 'cover',
              borderRadius: 4,
              background: 'var(--mantine-color-gray-1)',
            }}
          />
        </a>
      ) : file.kind === 'video' ? (
        // biome-ignore lint/a11y/useMediaCaption: a clip from a phone has no captions to offer
        <video
          controls
          preload="metadata"
          src={url}
          aria-label={file.fileName}
          style={{
            display: 'block',
            width: '100%',
            aspectRatio: '16 / 9',
            background: 'black',
            borderRadius: 4,
          }}
        />
      ) : (
        <Center
          style={{ aspectRatio: '4 / 3', background: 'var(--mantine-color-gray-1)', borderRadius: 4 }}
          aria-hidden
        >
          <IconFileTypePdf size={48} />
        </Center>
      )}
      <div>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {file.fileName}
        </Text>
        <Text size="xs" c="dimmed">
          {[formatSize(file.size, locale), file.uploadedBy?.name, formatDateTime(file.uploadedAt)]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap="xs" mt={4}>
          <Anchor
            href={attachmentUrl(orgId, orderId, file.id, 'download')}
            download={file.fileName}
            size="sm"
            aria-label={t('talk.files.downloadNamed', { name: file.fileName })}
            style={{ display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 32 }}
          >
            <IconDownload size={16} aria-hidden />
            {t('talk.files.download')}
          </Anchor>
          {file.messageId && (
            <Badge variant="outline" color="gray.7" tt="none" radius="sm">
              {t('talk.files.inMessage')}
            </Badge>
          )}
          {contractor && <VisibilityBadge visibility={file.visibility} />}
        </Group>
      </div>
    </Stack>
  );
}
