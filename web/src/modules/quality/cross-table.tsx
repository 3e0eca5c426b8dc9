import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format.ts';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import type { CrossTable as Counts } from './quality-report.ts';

/** Feltyp (rows) × Rotorsak (columns) with totals; a zero is shown dimmed so the counts stand out. */
export function CrossTable({ table, caption }: { table: Counts; caption: string }) {
  const { t } = useTranslation();
  const n = (value: number, strong = false) =>
    value === 0 ? (
      <Text span inherit c="dimmed">
        0
      </Text>
    ) : (
      <Text span inherit fw={strong ? 700 : 600}>
        {formatNumber(value)}
      </Text>
    );
  return (
    <ScrollTable minWidth={Math.max(480, 160 + table.rootCauses.length * 110)} label={caption}>
      <Table withTableBorder withColumnBorders fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('quality.faultTypeByRootCause')}</Table.Th>
            {table.rootCauses.map((cause) => (
              <Table.Th key={cause} scope="col" ta="right">
                {cause}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {t('dashboard.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.faultTypes.map((fault) => (
            <Table.Tr key={fault}>
              <Table.Th scope="row">{fault}</Table.Th>
              {table.rootCauses.map((cause) => (
                <Table.Td key={cause} ta="right">
                  {n(table.count(fault, cause))}
                </Table.Td>
              ))}
              <Table.Td ta="right">{n(table.faultTypeTotal(fault), true)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('dashboard.total')}</Table.Th>
            {table.rootCauses.map((cause) => (
              <Table.Td key={cause} ta="right">
                {n(table.rootCauseTotal(cause), true)}
              </Table.Td>
            ))}
            <Table.Td ta="right">{n(table.total, true)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
