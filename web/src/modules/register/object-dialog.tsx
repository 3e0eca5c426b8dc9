import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RegisterObject } from '../../../../contract/properties.ts';
import { registerKeys, saveObject } from './register.api.ts';
import { checks, type ObjectValues, objectBody, objectValues } from './register-form.ts';
import { RegisterForm, RegisterModal } from './register-form-modal.tsx';

type Props = {
  orgId: string;
  opened: boolean;
  propertyId: string;
  /** The object to change; none: a new one in the property. */
  object?: RegisterObject | undefined;
  onClose: () => void;
  onSaved?: (object: RegisterObject) => void;
};

/** Lägg till / ändra objekt: number, type, floor, address, and how to get in. */
function ObjectForm({ orgId, propertyId, object, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const check = checks(t);
  const form = useForm<ObjectValues>({
    initialValues: objectValues(propertyId, object),
    validate: { number: check.required, street: check.required, postalCode: check.postalCode },
  });
  const field = (name: keyof ObjectValues, label: string, max: number, extra: object = {}) => (
    <TextInput label={label} maxLength={max} autoComplete="off" {...extra} {...form.getInputProps(name)} />
  );

  return (
    <RegisterForm
      form={form}
      save={(values) =>
        saveObject({
          orgId,
          current: object && { id: object.id, version: object.version },
          body: objectBody(values),
        })
      }
      onSaved={(saved) => {
        void queryClient.invalidateQueries({ queryKey: registerKeys.all(orgId) });
        onSaved?.(saved as RegisterObject);
      }}
      onStale={() => void queryClient.invalidateQueries({ queryKey: registerKeys.all(orgId) })}
      onClose={onClose}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {field('number', t('register.fields.objectNumber'), 50, { required: true, 'data-autofocus': true })}
        {field('type', t('register.fields.objectType'), 100, {
          description: t('register.fields.objectTypeHint'),
        })}
        {field('floor', t('register.fields.floor'), 100, { description: t('register.fields.floorHint') })}
        {field('street', t('register.fields.street'), 200, { required: true })}
        {field('postalCode', t('register.fields.postalCode'), 6, { inputMode: 'numeric' })}
        {field('city', t('register.fields.city'), 100)}
        {field('accessToApartment', t('register.fields.accessToApartment'), 500)}
        {field('keyInfo', t('register.fields.keyInfo'), 500)}
        <Select
          label={t('register.fields.entryWithoutTenant')}
          description={t('register.fields.entryWithoutTenantHint')}
          data={[
            { value: 'unknown', label: t('register.unknown') },
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('entryWithoutTenant')}
        />
      </SimpleGrid>
    </RegisterForm>
  );
}

export function ObjectDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <RegisterModal
      opened={props.opened}
      title={
        props.object ? t('register.object.edit', { number: props.object.number }) : t('register.object.add')
      }
      onClose={props.onClose}
    >
      <ObjectForm {...props} />
    </RegisterModal>
  );
}
