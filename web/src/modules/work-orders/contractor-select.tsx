import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderType } from '../../../../contract/work-orders.values.ts';
import { useLabels } from '../../ui/labels.ts';
import { contractorsQuery } from './work-orders.api.ts';

type Props = {
  orgId: string;
  type: WorkOrderType;
  value: string | null;
  onChange: (contractorOrgId: string | null) => void;
  error?: string | undefined;
  /** Not offered, e.g. the contractor who declined the order. */
  exclude?: string | undefined;
  required?: boolean;
};

/**
 * Entreprenör: only contractors whose agreement covers the order's type. A choice the type no longer
 * allows is cleared when the type changes.
 */
export function ContractorSelect({ orgId, type, value, onChange, error, exclude, required = true }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const contractors = useQuery(contractorsQuery(orgId, type));
  const options = (contractors.data?.items ?? [])
    .filter((c) => c.id !== exclude)
    .map((c) => ({ value: c.id, label: c.name }));
  const stale = contractors.isSuccess && value !== null && !options.some((o) => o.value === value);
  useEffect(() => {
    if (stale) onChange(null);
  }, [stale, onChange]);

  return (
    <Select
      label={t('newOrder.contractor')}
      description={t('contractorPicker.forType', { type: labels.type(type) })}
      placeholder={t('newOrder.contractorPlaceholder')}
      data={options}
      value={stale ? null : value}
      onChange={onChange}
      required={required}
      error={
        error ??
        (contractors.isSuccess && options.length === 0
          ? t('contractorPicker.noneForType', { type: labels.type(type) })
          : undefined)
      }
      disabled={contractors.isPending}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
