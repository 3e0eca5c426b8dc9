import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RegisterObject } from '../../../../contract/properties.ts';
import { savePart, type Unit } from './register.api.ts';
import { checks, type UnitValues, unitBody, unitValues } from './register-form.ts';
import { RegisterForm, RegisterModal } from './register-form-modal.tsx';

type Props = {
  orgId: string;
  opened: boolean;
  roomId: string;
  roomName: string;
  unit?: Unit | undefined;
  onClose: () => void;
  onSaved: (object: RegisterObject) => void;
  onStale: () => void;
};

/** Lägg till / ändra enhet: name, unit type, appliance or not, model, serial number, dates. */
function UnitForm({ orgId, roomId, unit, onClose, onSaved, onStale }: Props) {
  const { t } = useTranslation();
  const check = checks(t);
  const form = useForm<UnitValues>({
    initialValues: unitValues(unit),
    validate: { name: check.required, installedOn: check.date, lastMaintenanceOn: check.date },
  });
  const field = (name: keyof UnitValues, label: string, max: number, extra: object = {}) => (
    <TextInput label={label} maxLength={max} autoComplete="off" {...extra} {...form.getInputProps(name)} />
  );
  return (
    <RegisterForm
      form={form}
      save={(values) =>
        savePart({ orgId, kind: 'units', parentId: roomId, partId: unit?.id, body: unitBody(values) })
      }
      onSaved={(saved) => onSaved(saved as RegisterObject)}
      onStale={onStale}
      onClose={onClose}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {field('name', t('register.fields.unit'), 100, {
          required: true,
          description: t('register.fields.unitHint'),
          'data-autofocus': true,
        })}
        {field('unitType', t('register.fields.unitType'), 100, {
          description: t('register.fields.unitTypeHint'),
        })}
        {field('model', t('register.fields.model'), 200)}
        {field('serialNumber', t('register.fields.serialNumber'), 100)}
        {field('installedOn', t('register.fields.installedOn'), 10, { type: 'date' })}
        {field('lastMaintenanceOn', t('register.fields.lastMaintenanceOn'), 10, { type: 'date' })}
      </SimpleGrid>
      <Checkbox
        label={t('register.fields.isAppliance')}
        description={t('register.fields.isApplianceHint')}
        {...form.getInputProps('isAppliance', { type: 'checkbox' })}
      />
    </RegisterForm>
  );
}

export function UnitDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <RegisterModal
      opened={props.opened}
      title={
        props.unit
          ? t('register.unit.edit', { name: props.unit.name })
          : t('register.unit.add', { room: props.roomName })
      }
      onClose={props.onClose}
    >
      <UnitForm {...props} />
    </RegisterModal>
  );
}
