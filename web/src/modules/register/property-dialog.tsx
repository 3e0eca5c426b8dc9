import { SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Property } from '../../../../contract/properties.ts';
import { registerKeys, saveProperty } from './register.api.ts';
import { checks, type PropertyValues, propertyBody, propertyValues } from './register-form.ts';
import { RegisterForm, RegisterModal } from './register-form-modal.tsx';

type Props = {
  orgId: string;
  opened: boolean;
  /** The property to change; none: a new one. */
  property?: Property | undefined;
  onClose: () => void;
  onSaved?: (property: Property) => void;
};

/** Lägg till / ändra fastighet: designation, owner or association, admin area, district, address. */
function PropertyForm({ orgId, property, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const check = checks(t);
  const form = useForm<PropertyValues>({
    initialValues: propertyValues(property),
    validate: { designation: check.required, postalCode: check.postalCode },
  });
  const field = (name: keyof PropertyValues, label: string, max: number, extra: object = {}) => (
    <TextInput label={label} maxLength={max} autoComplete="off" {...extra} {...form.getInputProps(name)} />
  );

  return (
    <RegisterForm
      form={form}
      save={(values) =>
        saveProperty({
          orgId,
          current: property && { id: property.id, version: property.version },
          body: propertyBody(values),
        })
      }
      onSaved={(saved) => {
        void queryClient.invalidateQueries({ queryKey: registerKeys.all(orgId) });
        onSaved?.(saved as Property);
      }}
      onStale={() => void queryClient.invalidateQueries({ queryKey: registerKeys.all(orgId) })}
      onClose={onClose}
    >
      {field('designation', t('register.fields.designation'), 200, {
        required: true,
        description: t('register.fields.designationHint'),
        'data-autofocus': true,
      })}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {field('ownerName', t('register.fields.ownerName'), 200)}
        {field('adminArea', t('register.fields.adminArea'), 100)}
        {field('district', t('register.fields.district'), 100)}
        {field('street', t('register.fields.street'), 200)}
        {field('postalCode', t('register.fields.postalCode'), 6, { inputMode: 'numeric' })}
        {field('city', t('register.fields.city'), 100)}
      </SimpleGrid>
    </RegisterForm>
  );
}

export function PropertyDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <RegisterModal
      opened={props.opened}
      title={props.property ? t('register.property.edit') : t('register.property.add')}
      onClose={props.onClose}
    >
      <PropertyForm {...props} />
    </RegisterModal>
  );
}
