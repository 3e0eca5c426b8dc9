import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChoiceAhead } from '../../ui/choice-ahead.ts';
import type { InboxColumn } from './inbox-columns.tsx';
import { defaultOrder, type WorkOrderSort } from './inbox-search.ts';

type Props = {
  columns: InboxColumn[];
  sort: WorkOrderSort;
  order: 'asc' | 'desc';
  onChange: (sort: WorkOrderSort, order: 'asc' | 'desc') => void;
};

/**
 * Sorting the cards on a phone, where there are no column headers to click: the same columns as
 * the table, and the direction.
 */
export function InboxSortControl({ columns, sort: current, order: currentOrder, onChange }: Props) {
  const { t } = useTranslation();
  // The choice shows at once, before the address (and the list) have followed.
  const [sort, chooseSort] = useChoiceAhead(current);
  const [order, chooseOrder] = useChoiceAhead(currentOrder);
  const change = (nextSort: WorkOrderSort, nextOrder: 'asc' | 'desc') => {
    chooseSort(nextSort);
    chooseOrder(nextOrder);
    onChange(nextSort, nextOrder);
  };
  const options: { value: WorkOrderSort; label: string }[] = [];
  for (const column of columns) {
    // The invoice reference sorts as the number does: one choice for both.
    if (!options.some((o) => o.value === column.sort)) {
      options.push({ value: column.sort, label: t(`inbox.columns.${column.label}`) });
    }
  }
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <Select
        label={t('inbox.sortBy')}
        data={options}
        value={options.some((o) => o.value === sort) ? sort : null}
        allowDeselect={false}
        onChange={(next) => {
          if (next) change(next as WorkOrderSort, defaultOrder(next as WorkOrderSort));
        }}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: 3 }}
      />
      <Select
        label={t('inbox.sortOrder')}
        data={[
          { value: 'asc', label: t('inbox.ascending') },
          { value: 'desc', label: t('inbox.descending') },
        ]}
        value={order}
        allowDeselect={false}
        onChange={(next) => {
          if (next === 'asc' || next === 'desc') change(sort, next);
        }}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: 2 }}
      />
    </Group>
  );
}
