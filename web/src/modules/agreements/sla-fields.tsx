import { Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { priorities } from '../../../../contract/work-orders.values.ts';
import { useLabels } from '../../ui/labels.ts';
import type { AgreementValues } from './agreement-form.ts';

/**
 * SLA per priority: for Förväntad kontaktdag and leveransdag, working days (Monday–Friday less
 * Swedish public holidays), calendar days, or no date; and how many days after the order is sent.
 */
export function SlaFields({ form }: { form: UseFormReturnType<AgreementValues> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const units = [
    { value: 'working', label: t('agreements.unitWorking') },
    { value: 'calendar', label: t('agreements.unitCalendar') },
    { value: 'none', label: t('agreements.unitNone') },
  ];

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {priorities.map((p) => (
        <Fieldset key={p} legend={labels.priority(p)} variant="filled">
          <SimpleGrid cols={2} spacing="xs">
            {(['contactBy', 'deliverBy'] as const).map((which) => {
              const path = `sla.${p}.${which}` as const;
              const none = form.values.sla[p][which].unit === 'none';
              return [
                <Select
                  key={`${which}-unit`}
                  label={t(`agreements.${which}Unit`)}
                  data={units}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps(`${path}.unit`)}
                />,
                <TextInput
                  key={`${which}-days`}
                  label={t(`agreements.${which}Days`)}
                  inputMode="numeric"
                  maxLength={3}
                  disabled={none}
                  {...form.getInputProps(`${path}.days`)}
                />,
              ];
            })}
          </SimpleGrid>
        </Fieldset>
      ))}
    </SimpleGrid>
  );
}
