import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateWorkOrderBody, WorkOrder } from '../../../../contract/work-orders.ts';
import { priorities, workOrderTypes } from '../../../../contract/work-orders.values.ts';
import { isApiError } from '../../app/api.ts';
import { useLabels } from '../../ui/labels.ts';
import { useMedia } from '../../ui/media.ts';
import { notify } from '../../ui/notify.ts';
import { type ClientEditValues, clientChanges, clientEditValues, validateClientEdit } from './client-edit.ts';
import { ReporterFields } from './reporter-fields.tsx';
import { updateWorkOrder, workOrderKeys } from './work-orders.api.ts';

type Props = { orgId: string; order: WorkOrder; opened: boolean; onClose: () => void };

/** Redigera: the client changes its order while it is a draft or not yet accepted. */
export function ClientEditDialog({ orgId, order, opened, onClose }: Props) {
  const { t } = useTranslation();
  const narrow = useMedia('narrow');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('clientEdit.title', { number: order.number })}
      size="xl"
      fullScreen={narrow}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ClientEditForm orgId={orgId} order={order} onClose={onClose} />
    </Modal>
  );
}

function ClientEditForm({ orgId, order, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const editable = new Set(order.editableFields);
  const form = useForm<ClientEditValues>({ initialValues: clientEditValues(order) });
  const [problem, setProblem] = useState<string | null>(null);
  const detailKey = workOrderKeys.detail(orgId, order.id);
  const save = useMutation({
    mutationFn: (body: UpdateWorkOrderBody) =>
      updateWorkOrder({ orgId, id: order.id, version: order.version, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(detailKey, updated);
      void queryClient.invalidateQueries({ queryKey: [...workOrderKeys.all(orgId), 'list'] });
      notify(t('clientEdit.saved', { number: updated.number }), 'success');
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && (error.status === 412 || error.status === 409)) {
        notify(error.status === 412 ? t('actions.stale') : error.title, 'warning');
        void queryClient.invalidateQueries({ queryKey: detailKey });
        onClose();
        return;
      }
      if (isApiError(error, 400) && error.fieldErrors.length) {
        form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
      }
      setProblem(isApiError(error) ? error.title : t('common.unexpectedError'));
    },
  });
  const text = (
    field: keyof ClientEditValues | `clientContact.${'name' | 'email' | 'phone'}`,
    label: string,
    max: number,
  ) =>
    (editable.has(field.split('.')[0]!) || field.startsWith('clientContact')) && (
      <TextInput label={label} maxLength={max} autoComplete="off" {...form.getInputProps(field)} />
    );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setProblem(null);
        const errors = validateClientEdit(form.values, t);
        form.setErrors(errors);
        if (Object.keys(errors).length) {
          setProblem(t('newOrder.fixErrors'));
          return;
        }
        const body = clientChanges(order, form.values, order.editableFields);
        if (Object.keys(body).length === 0) {
          notify(t('edit.nothingChanged'));
          onClose();
          return;
        }
        save.mutate(body);
      }}
    >
      <Stack gap="md">
        <Fieldset legend={t('newOrder.sections.order')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {editable.has('type') && (
                <Select
                  label={t('newOrder.type')}
                  description={t('clientEdit.typeHint')}
                  data={workOrderTypes.map((type) => ({ value: type, label: labels.type(type) }))}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: false }}
                  {...form.getInputProps('type')}
                />
              )}
              {editable.has('priority') && (
                <Select
                  label={t('newOrder.priority')}
                  description={t('clientEdit.priorityHint')}
                  data={priorities.map((p) => ({ value: p, label: labels.priority(p) }))}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: false }}
                  {...form.getInputProps('priority')}
                />
              )}
            </SimpleGrid>
            {editable.has('description') && (
              <Textarea
                label={t('newOrder.description')}
                required
                autosize
                minRows={3}
                maxLength={4000}
                data-autofocus
                {...form.getInputProps('description')}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {text('phrase', t('newOrder.phrase'), 200)}
              {text('externalRef', t('order.fields.externalRef'), 100)}
            </SimpleGrid>
            {editable.has('billable') && (
              <Checkbox
                label={t('order.fields.billable')}
                {...form.getInputProps('billable', { type: 'checkbox' })}
              />
            )}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('newOrder.sections.access')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {text('accessToApartment', t('newOrder.accessToApartment'), 500)}
              {text('keyInfo', t('newOrder.keyInfo'), 500)}
              {text('preferredTime', t('newOrder.preferredTime'), 200)}
            </SimpleGrid>
            {editable.has('entryWithoutTenant') && (
              <Checkbox
                label={t('newOrder.entryWithoutTenant')}
                description={t('newOrder.entryWithoutTenantHint')}
                {...form.getInputProps('entryWithoutTenant', { type: 'checkbox' })}
              />
            )}
          </Stack>
        </Fieldset>
        {editable.has('reporter') && (
          <Fieldset legend={t('newOrder.sections.reporter')}>
            <ReporterFields form={form} />
          </Fieldset>
        )}
        {editable.has('clientContact') && (
          <Fieldset legend={t('order.fields.clientContact')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {text('clientContact.name', t('clientEdit.contactName'), 200)}
              {text('clientContact.email', t('clientEdit.contactEmail'), 254)}
              {text('clientContact.phone', t('clientEdit.contactPhone'), 30)}
            </SimpleGrid>
          </Fieldset>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} mih={44}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} mih={44}>
            {t('clientEdit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
