import { Button, Group, MultiSelect, Radio } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../../../../contract/work-orders.ts';
import { useLabels } from '../../ui/labels.ts';
import type { InboxView } from './inbox-search.ts';

type Props = {
  view: InboxView;
  statuses: WorkOrderStatus[];
  options: WorkOrderStatus[];
  onViewChange: (view: InboxView) => void;
  onApply: (statuses: WorkOrderStatus[]) => void;
};

/**
 * Aktiva / Utförda and the status filter. As in JM's portal the filter takes effect only when
 * Applicera is pressed, so several statuses can be picked without a reload for each.
 */
export function InboxFilters({ view, statuses, options, onViewChange, onApply }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const applied = statuses.join(',');
  const [pending, setPending] = useState<{ applied: string; value: WorkOrderStatus[] }>({
    applied,
    value: statuses,
  });
  // A new address (back button, another view) replaces what was picked but not applied.
  const value = pending.applied === applied ? pending.value : statuses;

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Radio.Group
        label={t('inbox.view')}
        value={view}
        onChange={(next) => onViewChange(next === 'completed' ? 'completed' : 'active')}
      >
        <Group gap="md" mt={6} mb={8}>
          <Radio value="active" label={t('inbox.active')} />
          <Radio value="completed" label={t('inbox.completed')} />
        </Group>
      </Radio.Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onApply(value);
        }}
      >
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <MultiSelect
            label={t('inbox.filter')}
            placeholder={value.length ? undefined : t('inbox.filterPlaceholder')}
            data={options.map((status) => ({ value: status, label: labels.status(status) }))}
            value={value}
            onChange={(next) => setPending({ applied, value: next as WorkOrderStatus[] })}
            clearable
            w={{ base: '100%', xs: 320 }}
            maw="calc(100vw - 9rem)"
            comboboxProps={{ withinPortal: true }}
          />
          <Button type="submit" variant="default">
            {t('inbox.apply')}
          </Button>
        </Group>
      </form>
    </Group>
  );
}
