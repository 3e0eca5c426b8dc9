import { Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { AnchorLink } from '../../ui/links.tsx';
import type { BundleGroup } from './bundle-groups.ts';
import type { InboxColumn } from './inbox-columns.tsx';
import type { WorkOrderSort } from './inbox-search.ts';
import { RowCheckbox } from './row-checkbox.tsx';
import type { RowSelection } from './row-selection.ts';

type Props = {
  orgId: string;
  /** One group without a bundle = the plain list; with bundles, each gets a heading row. */
  groups: BundleGroup<WorkOrderListItem>[];
  grouped: boolean;
  columns: InboxColumn[];
  sort: WorkOrderSort;
  order: 'asc' | 'desc';
  onSort: (sort: WorkOrderSort) => void;
  labelledBy: string;
  /** What a bundle's heading row offers, e.g. Acceptera bunten. */
  bundleAction: (group: BundleGroup<WorkOrderListItem>) => ReactNode;
  /** A first column of checkboxes, for a move on many orders at once. */
  selection?: RowSelection | undefined;
};

/**
 * The inbox as a table (JM step 10–13). A click anywhere on a row opens the order; for keyboard and
 * screen-reader users the AO-nr is the row's link, and sortable headers are buttons.
 */
export function InboxTable(props: Props) {
  const { orgId, groups, grouped, columns, sort, order, onSort, labelledBy, selection } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();

  const row = (item: WorkOrderListItem) => (
    <Table.Tr
      key={item.id}
      style={{ cursor: 'pointer' }}
      onClick={(event) => {
        // Let people select text in a row without opening the order.
        if (window.getSelection()?.toString()) return;
        if (event.metaKey || event.ctrlKey) return;
        void navigate({ to: '/orgs/$orgId/work-orders/$id', params: { orgId, id: item.id } });
      }}
    >
      {selection && (
        <Table.Td onClick={(event) => event.stopPropagation()} style={{ cursor: 'default' }} p={0}>
          {selection.selectable(item) && (
            <RowCheckbox
              label={t('inbox.selectOrder', { number: item.number })}
              checked={selection.selected(item)}
              onChange={() => selection.toggle(item)}
            />
          )}
        </Table.Td>
      )}
      {columns.map((column) => (
        <Table.Td key={column.key} style={column.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
          {column.key === 'number' ? (
            <>
              <AnchorLink
                to="/orgs/$orgId/work-orders/$id"
                params={{ orgId, id: item.id }}
                onClick={(event: React.MouseEvent) => event.stopPropagation()}
                fw={600}
                fz="sm"
              >
                {item.number}
              </AnchorLink>
              {item.externalRef && (
                // The client's own number for the order (JM's Beställningsnr), under the AO-nr.
                <Text size="xs" c="dimmed" title={t('order.fields.externalRef')}>
                  {item.externalRef}
                </Text>
              )}
            </>
          ) : (
            column.render(item)
          )}
        </Table.Td>
      ))}
    </Table.Tr>
  );

  return (
    <Table.ScrollContainer minWidth={1180}>
      <Table highlightOnHover verticalSpacing="xs" aria-labelledby={labelledBy} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th scope="col" w={44} p={0}>
                <RowCheckbox
                  label={t('inbox.selectAll')}
                  checked={selection.all === 'all'}
                  indeterminate={selection.all === 'some'}
                  onChange={selection.toggleAll}
                />
              </Table.Th>
            )}
            {columns.map((column) => {
              const label = t(`inbox.columns.${column.label}`);
              const active = column.sort === sort;
              const SortIcon = active ? (order === 'asc' ? IconArrowUp : IconArrowDown) : IconArrowsSort;
              return (
                <Table.Th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <UnstyledButton
                    onClick={() => onSort(column.sort)}
                    fw={700}
                    fz="sm"
                    style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
                  >
                    {label}
                    <SortIcon size={14} aria-hidden style={{ opacity: active ? 1 : 0.6 }} />
                    {active && (
                      <VisuallyHidden>
                        {order === 'asc' ? t('inbox.sortedAscending') : t('inbox.sortedDescending')}
                      </VisuallyHidden>
                    )}
                  </UnstyledButton>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        {groups.map((group) => (
          <Table.Tbody key={group.bundle ?? 'alone'}>
            {grouped && (
              <Table.Tr bg="gray.1">
                <Table.Th scope="rowgroup" colSpan={columns.length + (selection ? 1 : 0)}>
                  <Group gap="md" wrap="nowrap">
                    <Text fw={700} fz="sm">
                      {group.bundle
                        ? t('bundle.heading', { bundle: group.bundle, count: group.items.length })
                        : t('bundle.alone')}
                    </Text>
                    {props.bundleAction(group)}
                  </Group>
                </Table.Th>
              </Table.Tr>
            )}
            {group.items.map(row)}
          </Table.Tbody>
        ))}
      </Table>
    </Table.ScrollContainer>
  );
}
