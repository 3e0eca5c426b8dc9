import { Checkbox, Fieldset, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities, workOrderTypes } from '../../../../contract/work-orders.values.ts';
import { useLabels } from '../../ui/labels.ts';
import type { NewWorkOrderValues } from './new-work-order-form.ts';

type Form = UseFormReturnType<NewWorkOrderValues>;

function textField(
  form: Form,
  field: keyof NewWorkOrderValues,
  label: string,
  max: number,
  extra: object = {},
) {
  return (
    <TextInput label={label} maxLength={max} autoComplete="off" {...extra} {...form.getInputProps(field)} />
  );
}

/** Uppdrag: the type first (it decides which contractors can take the order), priority, what is wrong. */
export function TaskFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
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
        {textField(form, 'phrase', t('newOrder.phrase'), 200, { description: t('newOrder.phraseHint') })}
      </Stack>
    </Fieldset>
  );
}

/** Plats: where the job is; `choice` (from the register or free) and the register's pickers go first. */
export function PlaceFieldset({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('newOrder.sections.place')}>
      <Stack gap="sm">{children}</Stack>
    </Fieldset>
  );
}

/**
 * Fri adress: the place typed in, as before there was a register. A contractor (`byNumber`) starts
 * with the object number: for an object in the client's register it is enough, and the server takes
 * the property and address from there.
 */
export function FreePlaceFields({ form, byNumber = false }: { form: Form; byNumber?: boolean }) {
  const { t } = useTranslation();
  const numberOnly = byNumber && form.values.objectNumber.trim() !== '';
  const objectNumber = textField(form, 'objectNumber', t('newOrder.objectNumber'), 50, {
    description: byNumber ? t('newOrder.objectNumberHint') : undefined,
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {byNumber && objectNumber}
      {textField(form, 'propertyName', t('newOrder.propertyName'), 200, { required: !numberOnly })}
      {textField(form, 'ownerName', t('newOrder.ownerName'), 200, {
        description: t('newOrder.ownerNameHint'),
      })}
      {textField(form, 'street', t('newOrder.street'), 200, { required: !numberOnly })}
      <SimpleGrid cols={2} spacing="sm">
        {textField(form, 'postalCode', t('newOrder.postalCode'), 6, { inputMode: 'numeric' })}
        {textField(form, 'city', t('newOrder.city'), 100)}
      </SimpleGrid>
      {!byNumber && objectNumber}
      {textField(form, 'room', t('newOrder.room'), 100)}
      {textField(form, 'unit', t('newOrder.unit'), 100)}
    </SimpleGrid>
  );
}

/** Tillträde: how to get in, and when the tenant prefers the visit. */
export function AccessFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('newOrder.sections.access')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {textField(form, 'accessToApartment', t('newOrder.accessToApartment'), 500)}
          {textField(form, 'keyInfo', t('newOrder.keyInfo'), 500)}
          {textField(form, 'preferredTime', t('newOrder.preferredTime'), 200)}
        </SimpleGrid>
        <Checkbox
          label={t('newOrder.entryWithoutTenant')}
          description={t('newOrder.entryWithoutTenantHint')}
          {...form.getInputProps('entryWithoutTenant', { type: 'checkbox' })}
        />
      </Stack>
    </Fieldset>
  );
}

export { textField };
