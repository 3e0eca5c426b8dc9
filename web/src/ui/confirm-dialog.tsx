import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before something is removed for good; Avbryt has the focus, so Enter does not remove. */
export function ConfirmDialog({ opened, title, message, confirmLabel, pending, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{message}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} mih={44} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={pending} mih={44}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
