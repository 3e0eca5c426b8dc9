import { Autocomplete, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../app/api.ts';

export type DialogKind = 'reason' | 'done';

export type DialogValues = {
  reason: string;
  actionDescription: string;
  faultType: string;
  rootCause: string;
  model: string;
  serialNumber: string;
};

// The defaults of domain.md; a client will be able to set its own lists.
const FAULT_TYPES = [
  'Slitage',
  'Skadegörelse',
  'Montagefel',
  'Materialfel',
  'Handhavandefel',
  'Ej fel',
  'Garantifel',
];
const ROOT_CAUSES = [
  'Ålder/slitage',
  'Brukarfel',
  'Utförandefel',
  'Materialfel',
  'Konstruktionsfel',
  'Yttre påverkan',
  'Okänd',
];

type Props = {
  opened: boolean;
  kind: DialogKind;
  title: string;
  submitLabel: string;
  submitColor?: string;
  pending: boolean;
  serverErrors: FieldError[];
  onClose: () => void;
  onSubmit: (values: DialogValues) => void;
};

/** Asks what a move needs before it is made: a reason (decline, cancel, reopen) or the close-out. */
export function TransitionDialog(props: Props) {
  const { opened, kind, title, submitLabel, submitColor, pending, serverErrors, onClose, onSubmit } = props;
  const { t } = useTranslation();
  const form = useForm<DialogValues>({
    initialValues: {
      reason: '',
      actionDescription: '',
      faultType: '',
      rootCause: '',
      model: '',
      serialNumber: '',
    },
    validate: {
      reason: (value) => (kind === 'reason' && !value.trim() ? t('validation.reason') : null),
      actionDescription: (value) =>
        kind === 'done' && !value.trim() ? t('validation.actionDescription') : null,
    },
  });
  const { setErrors, reset } = form;

  useEffect(() => {
    if (serverErrors.length) setErrors(Object.fromEntries(serverErrors.map((e) => [e.field, e.message])));
  }, [serverErrors, setErrors]);

  useEffect(() => {
    if (!opened) reset();
  }, [opened, reset]);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form noValidate onSubmit={form.onSubmit(onSubmit)}>
        <Stack gap="md">
          {kind === 'reason' ? (
            <Textarea
              label={t('actions.reason')}
              required
              autosize
              minRows={3}
              maxLength={2000}
              data-autofocus
              {...form.getInputProps('reason')}
            />
          ) : (
            <>
              <Textarea
                label={t('order.fields.actionDescription')}
                required
                autosize
                minRows={3}
                maxLength={4000}
                data-autofocus
                {...form.getInputProps('actionDescription')}
              />
              <Autocomplete
                label={t('order.fields.faultType')}
                data={FAULT_TYPES}
                maxLength={100}
                comboboxProps={{ withinPortal: false }}
                {...form.getInputProps('faultType')}
              />
              <Autocomplete
                label={t('order.fields.rootCause')}
                data={ROOT_CAUSES}
                maxLength={100}
                comboboxProps={{ withinPortal: false }}
                {...form.getInputProps('rootCause')}
              />
              <TextInput label={t('order.fields.model')} maxLength={200} {...form.getInputProps('model')} />
              <TextInput
                label={t('order.fields.serialNumber')}
                maxLength={100}
                {...form.getInputProps('serialNumber')}
              />
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} color={submitColor}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
