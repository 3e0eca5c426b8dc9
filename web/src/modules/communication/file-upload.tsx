import { Alert, Button, CloseButton, FileButton, Group, Progress, Stack, Text } from '@mantine/core';

import { IconCamera, IconPaperclip, IconVideo } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Visibility } from '../../../../contract/communication.ts';
import { isApiError } from '../../app/api.ts';
import { useLocale } from '../../app/i18n/i18n.ts';
import { useMedia } from '../../ui/media.ts';
import { uploadUrl } from './communication.api.ts';
import { uploadWithProgress } from './upload.ts';
import { ACCEPT, formatSize, precheckFile } from './upload-rules.ts';

type Item = {
  key: number;
  name: string;
  size: number;
  progress: number;
  state: 'sending' | 'done' | 'failed';
  error?: string;
};

let nextKey = 0;

/**
 * Adds photos, video clips and PDFs to the order: on a phone straight from the camera, anywhere from
 * the file picker. Each file goes up with its own progress bar; a file the server would refuse is
 * stopped before it is sent, and a refusal reads as the reason in the user's language.
 */
export function FileUpload({
  orgId,
  orderId,
  visibility,
  onUploaded,
}: {
  orgId: string;
  orderId: string;
  visibility: Visibility;
  onUploaded: (attachment: Attachment) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The camera buttons are for phones and tablets; a computer has the file picker.
  const touch = useMedia('touch');
  const [items, setItems] = useState<Item[]>([]);
  const abort = useRef(new AbortController());
  useEffect(() => {
    const controller = abort.current;
    return () => controller.abort();
  }, []);
  // Files go up one after another, so a phone on a slow line sends one at full speed.
  const queue = useRef(Promise.resolve());

  const update = (key: number, patch: Partial<Item>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const reasonOf = (error: unknown): string => {
    if (!isApiError(error)) return t('common.unexpectedError');
    if (error.status === 0) return t('common.networkError');
    if (error.status === 413) return error.title || t('talk.files.tooLarge');
    if (error.status === 415) return error.title || t('talk.files.unsupported');
    if (error.fieldErrors.length) return error.fieldErrors.map((e) => e.message).join(' ');
    return error.title || t('common.unexpectedError');
  };

  const add = (files: File[]) => {
    for (const file of files) {
      const key = nextKey++;
      const check = precheckFile(file);
      if (!check.ok) {
        const error =
          check.reason === 'too_large'
            ? t('talk.files.tooLarge')
            : check.reason === 'empty'
              ? t('talk.files.empty')
              : t('talk.files.unsupported');
        setItems((current) => [
          ...current,
          { key, name: file.name, size: file.size, progress: 0, state: 'failed', error },
        ]);
        continue;
      }
      setItems((current) => [
        ...current,
        { key, name: file.name, size: file.size, progress: 0, state: 'sending' },
      ]);
      queue.current = queue.current.then(async () => {
        try {
          const attachment = await uploadWithProgress({
            url: uploadUrl(orgId, orderId),
            file,
            visibility,
            onProgress: (progress) => update(key, { progress }),
            signal: abort.current.signal,
          });
          update(key, { state: 'done', progress: 1 });
          onUploaded(attachment);
          // A finished file leaves the list after a moment; the order's files show it from now on.
          setTimeout(() => setItems((current) => current.filter((item) => item.key !== key)), 4000);
        } catch (error) {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          update(key, { state: 'failed', error: reasonOf(error) });
        }
      });
    }
  };

  const button = (label: string, icon: React.ReactNode, onClick: () => void) => (
    <Button variant="default" leftSection={icon} onClick={onClick} mih={44}>
      {label}
    </Button>
  );

  return (
    <Stack gap="xs">
      <Group gap="sm">
        {touch && (
          <>
            <FileButton onChange={(file) => file && add([file])} accept="image/*" capture="environment">
              {(props) =>
                button(t('talk.files.takePhoto'), <IconCamera size={18} aria-hidden />, props.onClick)
              }
            </FileButton>
            <FileButton onChange={(file) => file && add([file])} accept="video/*" capture="environment">
              {(props) =>
                button(t('talk.files.recordVideo'), <IconVideo size={18} aria-hidden />, props.onClick)
              }
            </FileButton>
          </>
        )}
        <FileButton onChange={add} accept={ACCEPT} multiple>
          {(props) => button(t('talk.files.choose'), <IconPaperclip size={18} aria-hidden />, props.onClick)}
        </FileButton>
      </Group>
      <Text size="xs" c="dimmed">
        {t('talk.files.limits')}
      </Text>
      {items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-live="polite">
          {items.map((item) => {
            return (
              <li key={item.key}>
                {item.state === 'failed' ? (
                  <Alert
                    color="red"
                    role="alert"
                    p="xs"
                    title={item.name}
                    withCloseButton
                    closeButtonLabel={t('common.close')}
                    onClose={() => setItems((current) => current.filter((i) => i.key !== item.key))}
                  >
                    {item.error}
                  </Alert>
                ) : (
                  <>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {item.state === 'done'
                          ? t('talk.files.uploaded', { name: item.name })
                          : t('talk.files.uploading', {
                              name: item.name,
                              size: formatSize(item.size, locale),
                            })}
                      </Text>
                      <Text size="sm" fw={700} style={{ flexShrink: 0 }}>
                        {Math.round(item.progress * 100)} %
                      </Text>
                    </Group>
                    <Progress
                      value={Math.round(item.progress * 100)}
                      color={item.state === 'done' ? 'teal.9' : 'blue.8'}
                      aria-label={t('talk.files.progressOf', { name: item.name })}
                      size="lg"
                      transitionDuration={150}
                    />
                  </>
                )}
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

/** A file attached to a message that is being written, with a way to take it off again. */
export function PendingFile({ attachment, onRemove }: { attachment: Attachment; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" component="li">
      <IconPaperclip size={14} aria-hidden />
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {attachment.fileName}
      </Text>
      <CloseButton
        size="sm"
        aria-label={t('talk.messages.removeFile', { name: attachment.fileName })}
        onClick={onRemove}
      />
    </Group>
  );
}
