import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Register } from '../../../../contract/properties.ts';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { csvColumns } from './register-columns.ts';

/** The columns a register's file may have, which are required, and how their cells are written. */
export function ColumnHelp({
  register,
  labelledBy,
  label,
}: {
  register: Register;
  labelledBy: string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={480} label={label}>
      <Table fz="sm" striped aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('csv.column')}</Table.Th>
            <Table.Th scope="col">{t('csv.required')}</Table.Th>
            <Table.Th scope="col">{t('csv.format')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {csvColumns[register].map((column) => (
            <Table.Tr key={column.name}>
              <Table.Th scope="row" ff="monospace" fw={600}>
                {column.name}
              </Table.Th>
              <Table.Td>{column.required ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>{t(`csv.formats.${column.format ?? 'text'}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
