import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardTable as Counts } from '../../../../contract/work-orders.ts';
import type { WorkOrderStatus, WorkOrderType } from '../../../../contract/work-orders.values.ts';
import type { InboxSearch } from '../../app/router.tsx';
import { formatNumber } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { AnchorLink } from '../../ui/links.tsx';
import classes from './dashboard-table.module.css';
import { viewOf } from './inbox-search.ts';

type Props = {
  orgId: string;
  caption: string;
  types: WorkOrderType[];
  table: Counts;
  /** The address's filter for the other party: `{ client: id }` for a contractor, `{ contractor: id }` for a client. */
  counterpart: Pick<InboxSearch, 'client' | 'contractor'>;
  /** What Översikt is narrowed to, carried on into the list a number opens. */
  narrowed?: { property?: string | undefined; overdue?: boolean | undefined };
};

/**
 * Familjebostäder's start page (step 3): orders per status (rows) and type (columns) with totals.
 * Each number opens the list filtered to its status and type; a zero opens nothing.
 */
export function DashboardTable({ orgId, caption, types, table, counterpart, narrowed = {} }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();

  const cell = (n: number, status: WorkOrderStatus | null, type: WorkOrderType | null) => {
    if (n === 0) {
      return (
        <Text span inherit c="dimmed">
          0
        </Text>
      );
    }
    const view = narrowed.overdue ? 'overdue' : viewOf(status);
    const search: InboxSearch = {
      ...counterpart,
      property: narrowed.property,
      view: view === 'active' ? undefined : view,
      status: status ?? undefined,
      type: type ?? undefined,
    };
    const name = t('dashboard.cellLabel', {
      count: n,
      status: status ? labels.status(status) : t('dashboard.allStatuses'),
      type: type ? labels.type(type) : t('dashboard.allTypes'),
    });
    return (
      <AnchorLink to="/orgs/$orgId/work-orders" params={{ orgId }} search={search} aria-label={name} fw={600}>
        {formatNumber(n)}
      </AnchorLink>
    );
  };

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" className={classes.table}>
        <Table.Caption className={classes.caption}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={classes.sticky}>
              {t('dashboard.status')}
            </Table.Th>
            {types.map((type) => (
              <Table.Th key={type} scope="col" className={classes.number}>
                {labels.type(type)}
              </Table.Th>
            ))}
            <Table.Th scope="col" className={classes.number}>
              {t('dashboard.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.status}>
              <Table.Th scope="row" className={classes.sticky}>
                {labels.status(row.status)}
              </Table.Th>
              {types.map((type) => (
                <Table.Td key={type} className={classes.number}>
                  {cell(row.counts[type] ?? 0, row.status, type)}
                </Table.Td>
              ))}
              <Table.Td className={classes.number} fw={700}>
                {cell(row.total, row.status, null)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" className={classes.sticky}>
              {t('dashboard.total')}
            </Table.Th>
            {types.map((type) => (
              <Table.Td key={type} className={classes.number} fw={700}>
                {cell(table.totals.counts[type] ?? 0, null, type)}
              </Table.Td>
            ))}
            <Table.Td className={classes.number} fw={700}>
              {cell(table.totals.total, null, null)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
