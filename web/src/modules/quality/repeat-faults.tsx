import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RepeatFaults } from '../../../../contract/quality.ts';
import type { WorkOrderStatus } from '../../../../contract/work-orders.values.ts';
import { formatDate, orEmpty } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

/** Återkommande fel: a unit or serial number back with a new order within 90 days of a done one. */
export function RepeatFaultsTable({
  orgId,
  data,
  labelledBy,
}: {
  orgId: string;
  data: RepeatFaults;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  if (data.items.length === 0) return <Text>{t('quality.noRepeats')}</Text>;
  const order = (id: string, number: number) => (
    <AnchorLink to="/orgs/$orgId/work-orders/$id" params={{ orgId, id }} fw={600} fz="sm">
      {t('order.title', { number })}
    </AnchorLink>
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped fz="sm" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('order.fields.propertyName')}</Table.Th>
            <Table.Th scope="col">{t('order.fields.objectNumber')}</Table.Th>
            <Table.Th scope="col">{t('quality.unitOrSerial')}</Table.Th>
            <Table.Th scope="col">{t('quality.earlier')}</Table.Th>
            <Table.Th scope="col">{t('quality.later')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('quality.daysBetween')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((r) => (
            <Table.Tr key={`${r.earlier.id}-${r.later.id}`}>
              <Table.Td>{r.propertyName}</Table.Td>
              <Table.Td>{orEmpty(r.objectNumber)}</Table.Td>
              <Table.Td>
                {r.matchedOn === 'serialNumber'
                  ? t('quality.serial', { serial: r.serialNumber ?? '' })
                  : orEmpty(r.unit)}
              </Table.Td>
              <Table.Td>
                {order(r.earlier.id, r.earlier.number)}
                <Text size="xs" c="dimmed">
                  {t('quality.doneOn', { date: formatDate(r.earlier.completedAt) })}
                  {r.earlier.faultType ? ` · ${r.earlier.faultType}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {order(r.later.id, r.later.number)}
                <Text size="xs" c="dimmed" component="div">
                  {t('quality.orderedOn', { date: formatDate(r.later.orderedAt) })}{' '}
                  <StatusBadge status={r.later.status as WorkOrderStatus} size="sm" />
                </Text>
              </Table.Td>
              <Table.Td ta="right">{r.daysBetween}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
