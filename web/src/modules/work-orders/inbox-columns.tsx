import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { OrgKind } from '../../../../contract/organizations.ts';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import { formatDateTime, orEmpty } from '../../ui/format.ts';
import type { useLabels } from '../../ui/labels.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import type { WorkOrderSort } from './inbox-search.ts';

export type InboxColumn = {
  key: string;
  /** Key of inbox.columns.* */
  label:
    | 'status'
    | 'priority'
    | 'number'
    | 'contractorContact'
    | 'type'
    | 'description'
    | 'ownerName'
    | 'propertyName'
    | 'street'
    | 'orderedAt'
    | 'reporter'
    | 'client'
    | 'contractor';
  sort?: WorkOrderSort;
  render: (order: WorkOrderListItem) => ReactNode;
  nowrap?: boolean;
};

/** The inbox's columns, in JM's order; the other party's name comes last. */
export function inboxColumns(labels: ReturnType<typeof useLabels>, orgKind: OrgKind): InboxColumn[] {
  const columns: InboxColumn[] = [
    {
      key: 'status',
      label: 'status',
      sort: 'status',
      render: (o) => <StatusBadge status={o.status} size="sm" />,
    },
    {
      key: 'priority',
      label: 'priority',
      sort: 'priority',
      nowrap: true,
      render: (o) => (
        <Text span inherit fw={o.priority === 'urgent' ? 700 : undefined}>
          {labels.priority(o.priority)}
        </Text>
      ),
    },
    // The number cell holds the row's link; see InboxTable.
    { key: 'number', label: 'number', sort: 'number', nowrap: true, render: (o) => o.number },
    {
      key: 'contractorContact',
      label: 'contractorContact',
      render: (o) => orEmpty(o.contractorContact?.name),
    },
    { key: 'type', label: 'type', sort: 'type', render: (o) => labels.type(o.type) },
    {
      key: 'description',
      label: 'description',
      render: (o) => (
        <Text span inherit lineClamp={2} maw={320} title={o.description}>
          {o.description}
        </Text>
      ),
    },
    { key: 'ownerName', label: 'ownerName', render: (o) => orEmpty(o.ownerName) },
    { key: 'propertyName', label: 'propertyName', sort: 'propertyName', render: (o) => o.propertyName },
    { key: 'street', label: 'street', sort: 'street', render: (o) => o.street },
    {
      key: 'orderedAt',
      label: 'orderedAt',
      sort: 'orderedAt',
      nowrap: true,
      render: (o) => formatDateTime(o.orderedAt),
    },
    { key: 'reporter', label: 'reporter', render: (o) => o.reporterName },
  ];
  if (orgKind === 'client') {
    columns.push({ key: 'contractor', label: 'contractor', render: (o) => orEmpty(o.contractor?.name) });
  } else {
    columns.push({ key: 'client', label: 'client', render: (o) => o.client.name });
  }
  return columns;
}
