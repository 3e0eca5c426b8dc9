import { Group, Radio, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { RegisterObject } from '../../../../contract/properties.ts';
import { savePart, type Tenant } from './register.api.ts';
import { checks, preferredPhoneError, type TenantValues, tenantBody, tenantValues } from './register-form.ts';
import { RegisterForm, RegisterModal } from './register-form-modal.tsx';

type Props = {
  orgId: string;
  opened: boolean;
  objectId: string;
  tenant?: Tenant | undefined;
  onClose: () => void;
  onSaved: (object: RegisterObject) => void;
  onStale: () => void;
};

/** Lägg till / ändra hyresgäst: name, three phones with the one to use marked, e-mail, move-in date. */
function TenantForm({ orgId, objectId, tenant, onClose, onSaved, onStale }: Props) {
  const { t } = useTranslation();
  const check = checks(t);
  const form = useForm<TenantValues>({
    initialValues: tenantValues(tenant),
    validate: {
      name: check.required,
      phoneHome: check.phone,
      phoneWork: check.phone,
      phoneOther: check.phone,
      email: check.email,
      moveInOn: check.date,
      preferredPhone: (_value, values) => preferredPhoneError(values, t),
    },
  });
  const phone = (name: 'phoneHome' | 'phoneWork' | 'phoneOther', label: string) => (
    <TextInput label={label} type="tel" inputMode="tel" maxLength={30} {...form.getInputProps(name)} />
  );
  return (
    <RegisterForm
      form={form}
      save={(values) =>
        savePart({ orgId, kind: 'tenants', parentId: objectId, partId: tenant?.id, body: tenantBody(values) })
      }
      onSaved={(saved) => onSaved(saved as RegisterObject)}
      onStale={onStale}
      onClose={onClose}
    >
      <TextInput
        label={t('register.fields.tenantName')}
        required
        maxLength={200}
        autoComplete="off"
        data-autofocus
        {...form.getInputProps('name')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {phone('phoneHome', t('order.phones.home'))}
        {phone('phoneWork', t('order.phones.work'))}
        {phone('phoneOther', t('order.phones.other'))}
      </SimpleGrid>
      <Radio.Group
        label={t('register.fields.preferredPhone')}
        description={t('register.fields.preferredPhoneHint')}
        {...form.getInputProps('preferredPhone')}
      >
        <Group gap="md" mt={6}>
          <Radio value="home" label={t('order.phones.home')} />
          <Radio value="work" label={t('order.phones.work')} />
          <Radio value="other" label={t('order.phones.other')} />
          <Radio value="" label={t('register.noPreferredPhone')} />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('register.fields.email')}
          type="email"
          maxLength={254}
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('register.fields.moveInOn')}
          type="date"
          maxLength={10}
          {...form.getInputProps('moveInOn')}
        />
      </SimpleGrid>
    </RegisterForm>
  );
}

export function TenantDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <RegisterModal
      opened={props.opened}
      title={props.tenant ? t('register.tenant.edit', { name: props.tenant.name }) : t('register.tenant.add')}
      onClose={props.onClose}
    >
      <TenantForm {...props} />
    </RegisterModal>
  );
}
