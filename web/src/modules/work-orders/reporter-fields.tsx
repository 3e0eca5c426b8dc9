import { ActionIcon, Button, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { phoneKinds } from '../../../../contract/work-orders.values.ts';
import { randomUuid } from '../../ui/uuid.ts';
import type { PhoneValue } from './new-work-order-form.ts';

/** A form with the reporter as the new-order form has it (the new order, and the client's edit). */
type WithReporter = { reporter: { name: string; phones: PhoneValue[]; email: string } };

/** Anmälare: name, up to three phone numbers (one marked for this order, shown with *), e-mail. */
export function ReporterFields<V extends WithReporter>({ form: anyForm }: { form: UseFormReturnType<V> }) {
  const form = anyForm as unknown as UseFormReturnType<WithReporter>;
  const { t } = useTranslation();
  const phones = form.values.reporter.phones;
  const kindOptions = phoneKinds.map((kind) => ({ value: kind, label: t(`order.phones.${kind}`) }));

  const choosePreferred = (index: number) =>
    form.setFieldValue(
      'reporter.phones',
      phones.map((p, i) => ({ ...p, preferred: i === index })),
    );

  return (
    <Stack gap="sm">
      <TextInput
        label={t('newOrder.reporterName')}
        required
        autoComplete="off"
        maxLength={200}
        {...form.getInputProps('reporter.name')}
      />
      {phones.map((phone, index) => {
        const suffix = index > 0 ? ` ${index + 1}` : '';
        return (
          <SimpleGrid key={phone.key} cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={`${t('newOrder.phoneKind')}${suffix}`}
              data={kindOptions}
              allowDeselect={false}
              {...form.getInputProps(`reporter.phones.${index}.kind`)}
            />
            <TextInput
              label={`${t('newOrder.phoneNumber')}${suffix}`}
              type="tel"
              inputMode="tel"
              required={index === 0}
              maxLength={30}
              {...form.getInputProps(`reporter.phones.${index}.number`)}
            />
            <Group gap="sm" style={{ gridColumn: '1 / -1' }}>
              <Radio
                name="preferred-phone"
                label={`${t('newOrder.preferredPhone')}${suffix ? ` (${t('newOrder.phoneNumber')}${suffix})` : ''}`}
                checked={phone.preferred}
                onChange={() => choosePreferred(index)}
              />
              {index > 0 && (
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  aria-label={t('newOrder.removePhone', { index: index + 1 })}
                  onClick={() => {
                    const rest = phones.filter((_, i) => i !== index);
                    if (!rest.some((p) => p.preferred) && rest[0]) rest[0] = { ...rest[0], preferred: true };
                    form.setFieldValue('reporter.phones', rest);
                  }}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          </SimpleGrid>
        );
      })}
      {form.errors['reporter.phones'] && (
        <Text c="red.9" size="sm" role="alert">
          {form.errors['reporter.phones']}
        </Text>
      )}
      {phones.length < 3 && (
        <div>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              form.insertListItem('reporter.phones', {
                key: randomUuid(),
                kind: 'other',
                number: '',
                preferred: false,
              })
            }
          >
            {t('newOrder.addPhone')}
          </Button>
        </div>
      )}
      <TextInput
        label={t('newOrder.email')}
        type="email"
        autoComplete="off"
        maxLength={254}
        {...form.getInputProps('reporter.email')}
      />
    </Stack>
  );
}
