import 'dayjs/locale/sv';
import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput, DatesProvider, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCalendar, IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateWorkOrderBody, WorkOrder } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { useLocale } from '../../app/i18n/i18n.ts';
import { notify } from '../../ui/notify.ts';
import { changesOf, type EditValues, parseDate, valuesOf } from './order-edit.ts';
import { membersQuery, updateWorkOrder, workOrderKeys } from './work-orders.api.ts';

/**
 * The contractor's own fields on an active order (JM step 21, Familjebostäder's Planerad,
 * Egenskaper, Serienummer): Entreprenörkontakt, Bokat tid med anmälare, Planerad, saved together
 * with Spara. The save names the version read; if someone changed the order meanwhile nothing is
 * written, the user is told and the order is read again.
 */
export function OrderEditCard({
  orgId,
  order,
  canAssign,
}: {
  orgId: string;
  order: WorkOrder;
  /** Admins and work managers choose the Entreprenörkontakt; a technician does not. */
  canAssign: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const members = useQuery({ ...membersQuery(orgId), enabled: canAssign });
  const withUnit = Boolean(order.unit || order.unitIsAppliance || order.model || order.serialNumber);
  const fields = new Set<keyof UpdateWorkOrderBody>([
    'bookedAt',
    'plannedAt',
    ...(canAssign ? (['contractorContactId'] as const) : []),
    ...(withUnit ? (['model', 'serialNumber'] as const) : []),
  ]);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<EditValues>({
    initialValues: valuesOf(order),
    validate: {
      bookedTime: (value, values) =>
        values.bookedDate && !/^\d{1,2}:\d{2}$/.test(value) ? t('edit.timeRequired') : null,
      bookedDate: (value, values) => (!value && values.bookedTime ? t('edit.dateRequired') : null),
    },
  });
  const detailKey = workOrderKeys.detail(orgId, order.id);

  const save = useMutation({
    mutationFn: (body: UpdateWorkOrderBody) =>
      updateWorkOrder({ orgId, id: order.id, version: order.version, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(detailKey, updated);
      void queryClient.invalidateQueries({ queryKey: [...workOrderKeys.all(orgId), 'list'] });
      notify(t('edit.saved', { number: updated.number }), 'success');
    },
    onError: (error) => {
      const apiError = isApiError(error) ? error : null;
      if (apiError?.status === 412 || apiError?.status === 409) {
        notify(apiError.status === 412 ? t('actions.stale') : apiError.title, 'warning');
        void queryClient.invalidateQueries({ queryKey: detailKey });
        return;
      }
      if (apiError?.status === 400 && apiError.fieldErrors.length) {
        form.setErrors(
          Object.fromEntries(
            apiError.fieldErrors.map((e) => [e.field === 'bookedAt' ? 'bookedDate' : e.field, e.message]),
          ),
        );
        return;
      }
      setProblem(apiError ? apiError.title : t('common.unexpectedError'));
    },
  });

  const memberOptions = (members.data?.items ?? []).map((m) => ({
    value: m.userId,
    label: `${m.name} (${t(`roles.${m.role}`)})`,
  }));
  // The current contact stays choosable even before the list has come.
  if (order.contractorContact && !memberOptions.some((m) => m.value === order.contractorContact?.id)) {
    memberOptions.push({ value: order.contractorContact.id, label: order.contractorContact.name });
  }

  const dateProps = {
    valueFormat: 'YYYY-MM-DD',
    dateParser: parseDate,
    placeholder: t('edit.datePlaceholder'),
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clear') },
    leftSection: <IconCalendar size={16} aria-hidden />,
    popoverProps: { withinPortal: true },
    nextLabel: t('edit.nextMonth'),
    previousLabel: t('edit.previousMonth'),
  };

  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0, 6] }}>
      <form
        noValidate
        aria-label={t('edit.title')}
        onSubmit={form.onSubmit((values) => {
          setProblem(null);
          const body = changesOf(order, values, fields);
          if (Object.keys(body).length === 0) {
            notify(t('edit.nothingChanged'));
            return;
          }
          save.mutate(body);
        })}
      >
        <Stack gap="sm" maw={720}>
          {canAssign && (
            <Select
              label={t('order.fields.contractorContact')}
              placeholder={t('edit.noContact')}
              data={memberOptions}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              searchable={memberOptions.length > 8}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('contractorContactId')}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateInput
              label={t('order.fields.bookedAt')}
              {...dateProps}
              {...form.getInputProps('bookedDate')}
            />
            <TimeInput label={t('edit.bookedTime')} {...form.getInputProps('bookedTime')} />
          </SimpleGrid>
          <DateInput
            label={t('order.fields.plannedAt')}
            {...dateProps}
            maw={{ xs: 'calc(50% - var(--mantine-spacing-sm) / 2)' }}
            {...form.getInputProps('plannedAt')}
          />
          {withUnit && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput label={t('order.fields.model')} maxLength={200} {...form.getInputProps('model')} />
              <TextInput
                label={t('order.fields.serialNumber')}
                maxLength={100}
                {...form.getInputProps('serialNumber')}
              />
            </SimpleGrid>
          )}
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group>
            <Button
              type="submit"
              loading={save.isPending}
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              mih={44}
            >
              {t('edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
