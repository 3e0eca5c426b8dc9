import { Button, Group, MultiSelect, Radio, Select, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type WorkOrderStatus,
  type WorkOrderType,
  workOrderTypes,
} from '../../../../contract/work-orders.values.ts';
import { useChoiceAhead } from '../../ui/choice-ahead.ts';
import { useLabels } from '../../ui/labels.ts';
import classes from './inbox.module.css';
import type { InboxView } from './inbox-search.ts';
import { PropertySelect } from './property-select.tsx';

export type AppliedFilter = {
  statuses: WorkOrderStatus[];
  types: WorkOrderType[];
  counterpart: string | null;
  /** A property of the client's register. */
  property: string | null;
};

type Props = {
  view: InboxView;
  applied: AppliedFilter;
  statusOptions: WorkOrderStatus[];
  /** The clients (for a contractor) or contractors (for a client) to narrow to; none: no choice shown. */
  counterparts: { value: string; label: string }[];
  counterpartLabel: string;
  counterpartPlaceholder: string;
  /** Utförda with its window for a contractor ("Utförda senaste 6 mån"). */
  completedLabel: string;
  onViewChange: (view: InboxView) => void;
  onApply: (filter: AppliedFilter) => void;
  /** Fold the filters away behind "Filter" (Mina jobb on a phone); open when one is applied. */
  fold?: boolean;
  /** A client's company: its register's properties can be chosen too. */
  registerOf?: string | undefined;
};

const keyOf = (f: AppliedFilter) =>
  `${f.statuses.join(',')}|${f.types.join(',')}|${f.counterpart ?? ''}|${f.property ?? ''}`;

/**
 * Aktiva / Utförda / Alla, and the filters on status, Typ av uppdrag and the other party. As in JM's
 * portal the filters take effect only when Applicera is pressed, so several can be picked without
 * a reload for each.
 */
export function InboxFilters(props: Props) {
  const { view, applied, statusOptions, counterparts, onViewChange, onApply } = props;
  const { t } = useTranslation();
  const labels = useLabels();
  const appliedKey = keyOf(applied);
  const [pending, setPending] = useState<{ applied: string; value: AppliedFilter }>({
    applied: appliedKey,
    value: applied,
  });
  // A new address (back button, another view) replaces what was picked but not applied.
  const value = pending.applied === appliedKey ? pending.value : applied;
  const change = (patch: Partial<AppliedFilter>) =>
    setPending({ applied: appliedKey, value: { ...value, ...patch } });
  // The view chosen shows at once, before the address (and the list) has followed.
  const [shownView, chooseView] = useChoiceAhead(view);
  // A client named in the address stays choosable even when the list of clients does not have it.
  const showCounterpart = counterparts.length > 1 || applied.counterpart !== null;

  const applyForm = (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onApply(value);
      }}
      style={{ maxWidth: '100%' }}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <MultiSelect
          label={t('inbox.statusFilter')}
          placeholder={value.statuses.length ? undefined : t('inbox.filterPlaceholder')}
          data={statusOptions.map((status) => ({ value: status, label: labels.status(status) }))}
          value={value.statuses}
          onChange={(next) => change({ statuses: next as WorkOrderStatus[] })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={{ base: '100%', xs: 260 }}
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t('inbox.typeFilter')}
          placeholder={value.types.length ? undefined : t('inbox.typePlaceholder')}
          data={workOrderTypes.map((type) => ({ value: type, label: labels.type(type) }))}
          value={value.types}
          onChange={(next) => change({ types: next as WorkOrderType[] })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={{ base: '100%', xs: 260 }}
          comboboxProps={{ withinPortal: true }}
        />
        {showCounterpart && (
          <Select
            label={props.counterpartLabel}
            placeholder={props.counterpartPlaceholder}
            data={
              applied.counterpart && !counterparts.some((c) => c.value === applied.counterpart)
                ? [...counterparts, { value: applied.counterpart, label: applied.counterpart }]
                : counterparts
            }
            value={value.counterpart}
            onChange={(next) => change({ counterpart: next })}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={{ base: '100%', xs: 240 }}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {props.registerOf && (
          <PropertySelect
            orgId={props.registerOf}
            label={t('inbox.propertyFilterLabel')}
            placeholder={t('inbox.allProperties')}
            value={value.property}
            onChange={(next) => change({ property: next })}
            w={{ base: '100%', xs: 240 }}
          />
        )}
        <Button type="submit" variant="default" mih={36}>
          {t('inbox.apply')}
        </Button>
      </Group>
    </form>
  );
  const anyApplied =
    applied.statuses.length > 0 ||
    applied.types.length > 0 ||
    applied.counterpart !== null ||
    applied.property !== null;

  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Radio.Group
        label={t('inbox.view')}
        value={shownView}
        onChange={(next) => {
          const picked = next === 'completed' || next === 'all' || next === 'overdue' ? next : 'active';
          chooseView(picked);
          onViewChange(picked);
        }}
      >
        <Group gap="md" mt={6} mb={8}>
          <Radio value="active" label={t('inbox.active')} />
          <Radio value="completed" label={props.completedLabel} />
          <Radio value="all" label={t('inbox.all')} />
          <Radio value="overdue" label={t('inbox.overdue')} />
        </Group>
      </Radio.Group>
      {props.fold ? (
        <details open={anyApplied || undefined} className={classes.disclosure} style={{ width: '100%' }}>
          <summary>
            <IconChevronDown size={18} aria-hidden />
            <Text span fw={600}>
              {t('inbox.filter')}
            </Text>
          </summary>
          {applyForm}
        </details>
      ) : (
        applyForm
      )}
    </Group>
  );
}
