import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseOut } from '../../../../contract/work-orders.ts';
import type { FieldError } from '../../app/api.ts';
import { useMedia } from '../../ui/media.ts';

export type DialogKind = 'reason' | 'done';

export type DialogValues = {
  reason: string;
  actionDescription: string;
  faultType: string | null;
  rootCause: string | null;
  model: string;
  serialNumber: string;
};

type Props = {
  opened: boolean;
  kind: DialogKind;
  title: string;
  submitLabel: string;
  submitColor?: string;
  pending: boolean;
  serverErrors: FieldError[];
  /** The client's close-out lists and what it requires (for `done`). */
  closeOut: CloseOut;
  /** Egenskaper and Serienummer as the order has them, to start from. */
  model: string | null;
  serialNumber: string | null;
  onClose: () => void;
  onSubmit: (values: DialogValues) => void;
};

/**
 * Asks what a move needs before it is made: a reason (decline, cancel, reopen) or the close-out
 * (JM step 22, Familjebostäder step 9): Åtgärdsbeskrivning, Feltyp and Rotorsak from the client's
 * lists, and Egenskaper and Serienummer, required where the client or the appliance requires them.
 */
export function TransitionDialog(props: Props) {
  const {
    opened,
    kind,
    title,
    submitLabel,
    submitColor,
    pending,
    serverErrors,
    closeOut,
    onClose,
    onSubmit,
  } = props;
  const { t } = useTranslation();
  const narrow = useMedia('phone');
  const required = (on: boolean, value: string | null) =>
    on && !value?.trim() ? t('validation.required') : null;
  const form = useForm<DialogValues>({
    initialValues: {
      reason: '',
      actionDescription: '',
      faultType: null,
      rootCause: null,
      model: props.model ?? '',
      serialNumber: props.serialNumber ?? '',
    },
    validate: {
      reason: (value) => (kind === 'reason' && !value.trim() ? t('validation.reason') : null),
      actionDescription: (value) =>
        kind === 'done' && !value.trim() ? t('validation.actionDescription') : null,
      faultType: (value) => required(kind === 'done' && closeOut.requireFaultType, value),
      rootCause: (value) => required(kind === 'done' && closeOut.requireRootCause, value),
      model: (value) => required(kind === 'done' && closeOut.requireModelAndSerial, value),
      serialNumber: (value) => required(kind === 'done' && closeOut.requireModelAndSerial, value),
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
      fullScreen={narrow}
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
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Select
                  label={t('order.fields.faultType')}
                  placeholder={t('actions.choose')}
                  data={closeOut.faultTypes}
                  required={closeOut.requireFaultType}
                  clearable={!closeOut.requireFaultType}
                  clearButtonProps={{ 'aria-label': t('common.clear') }}
                  comboboxProps={{ withinPortal: false }}
                  {...form.getInputProps('faultType')}
                />
                <Select
                  label={t('order.fields.rootCause')}
                  placeholder={t('actions.choose')}
                  data={closeOut.rootCauses}
                  required={closeOut.requireRootCause}
                  clearable={!closeOut.requireRootCause}
                  clearButtonProps={{ 'aria-label': t('common.clear') }}
                  comboboxProps={{ withinPortal: false }}
                  {...form.getInputProps('rootCause')}
                />
                <TextInput
                  label={t('order.fields.model')}
                  description={closeOut.requireModelAndSerial ? t('actions.applianceHint') : undefined}
                  required={closeOut.requireModelAndSerial}
                  maxLength={200}
                  {...form.getInputProps('model')}
                />
                <TextInput
                  label={t('order.fields.serialNumber')}
                  required={closeOut.requireModelAndSerial}
                  maxLength={100}
                  {...form.getInputProps('serialNumber')}
                />
              </SimpleGrid>
            </>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} mih={44}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} color={submitColor} mih={44}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
