import { Checkbox, Fieldset, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { priorities, workOrderTypes } from '../../../../contract/work-orders.values.ts';
import { useLabels } from '../../ui/labels.ts';
import type { NewWorkOrderValues } from './new-work-order-form.ts';

/** The order's own fields: what is to be done (Uppdrag), where (Plats) and how to get in (Tillträde). */
export function OrderFields({ form }: { form: UseFormReturnType<NewWorkOrderValues> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const text = (field: keyof NewWorkOrderValues, label: string, max: number, extra: object = {}) => (
    <TextInput label={label} maxLength={max} autoComplete="off" {...extra} {...form.getInputProps(field)} />
  );

  return (
    <>
      <Fieldset legend={t('newOrder.sections.order')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('newOrder.type')}
              data={workOrderTypes.map((type) => ({ value: type, label: labels.type(type) }))}
              allowDeselect={false}
              required
              {...form.getInputProps('type')}
            />
            <Select
              label={t('newOrder.priority')}
              data={priorities.map((priority) => ({ value: priority, label: labels.priority(priority) }))}
              allowDeselect={false}
              required
              {...form.getInputProps('priority')}
            />
          </SimpleGrid>
          <Textarea
            label={t('newOrder.description')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            {...form.getInputProps('description')}
          />
          {text('phrase', t('newOrder.phrase'), 200, { description: t('newOrder.phraseHint') })}
        </Stack>
      </Fieldset>

      <Fieldset legend={t('newOrder.sections.place')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {text('propertyName', t('newOrder.propertyName'), 200, { required: true })}
          {text('ownerName', t('newOrder.ownerName'), 200, { description: t('newOrder.ownerNameHint') })}
          {text('street', t('newOrder.street'), 200, { required: true })}
          <SimpleGrid cols={2} spacing="sm">
            {text('postalCode', t('newOrder.postalCode'), 6, { inputMode: 'numeric' })}
            {text('city', t('newOrder.city'), 100)}
          </SimpleGrid>
          {text('objectNumber', t('newOrder.objectNumber'), 50)}
          {text('room', t('newOrder.room'), 100)}
          {text('unit', t('newOrder.unit'), 100)}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('newOrder.sections.access')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('accessToApartment', t('newOrder.accessToApartment'), 500)}
            {text('keyInfo', t('newOrder.keyInfo'), 500)}
            {text('preferredTime', t('newOrder.preferredTime'), 200)}
          </SimpleGrid>
          <Checkbox
            label={t('newOrder.entryWithoutTenant')}
            description={t('newOrder.entryWithoutTenantHint')}
            {...form.getInputProps('entryWithoutTenant', { type: 'checkbox' })}
          />
        </Stack>
      </Fieldset>
    </>
  );
}
