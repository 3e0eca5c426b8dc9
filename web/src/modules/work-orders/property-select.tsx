import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { propertiesQuery, propertyQuery } from '../register/register.api.ts';

type Props = {
  orgId: string;
  value: string | null;
  onChange: (propertyId: string | null) => void;
  label: string;
  placeholder: string;
  w?: object;
};

/**
 * A property of the client's register, searched on the server as one types (a register may hold
 * thousands), with the chosen one named even when it is not among the first matches.
 */
export function PropertySelect({ orgId, value, onChange, label, placeholder, w }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const chosen = useQuery({ ...propertyQuery(orgId, value ?? ''), enabled: Boolean(value), retry: false });
  const q = chosen.data && typed === chosen.data.designation ? '' : typed.trim();
  const found = useQuery(propertiesQuery(orgId, q, 1, 20));
  const options = [
    ...(chosen.data && chosen.data.id === value ? [chosen.data] : []),
    ...(found.data?.items ?? []).filter((p) => p.id !== value),
  ].map((p) => ({ value: p.id, label: p.designation }));
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has searched already; show what it found as it is.
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('inbox.noProperties')}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      comboboxProps={{ withinPortal: true }}
      w={w}
    />
  );
}
