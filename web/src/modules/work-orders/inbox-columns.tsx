import { Text } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import type { OrgKind } from '../../../../contract/organizations.values.ts';
import type { WorkOrderListItem } from '../../../../contract/work-orders.ts';
import type { sv } from '../../app/i18n/sv.ts';
import { formatDate, formatDateTime, orEmpty } from '../../ui/format.ts';
import type { useLabels } from '../../ui/labels.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import type { InboxView, WorkOrderSort } from './inbox-search.ts';
import { SlaFlags } from './sla-flags.tsx';

export type InboxColumn = {
  key: string;
  /** Key of inbox.columns.* */
  label: keyof typeof sv.inbox.columns;
  sort: WorkOrderSort;
  render: (order: WorkOrderListItem) => ReactNode;
  nowrap?: boolean;
};

/**
 * The inbox's columns, in JM's order, every one sortable; the other party's name comes last. The
 * completed orders also show when they were done and, for those who invoice, the reference to put
 * on the invoice (Familjebostäder: "AO2375").
 */
export function inboxColumns(
  labels: ReturnType<typeof useLabels>,
  args: { orgKind: OrgKind; view: InboxView; invoicing: boolean },
): InboxColumn[] {
  const closedToo = args.view === 'completed' || args.view === 'all';
  const columns: (InboxColumn | false)[] = [
    {
      key: 'status',
      label: 'status',
      sort: 'status',
      nowrap: true,
      render: (o) => (
        <>
          <StatusBadge status={o.status} size="sm" />
          <SlaFlags contact={o.contactOverdue} delivery={o.deliveryOverdue} />
        </>
      ),
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
    closedToo &&
      args.invoicing && {
        key: 'invoiceReference',
        label: 'invoiceReference',
        // The reference is the client's template around the number, so it sorts as the number does.
        sort: 'number',
        nowrap: true,
        // Only done work is invoiced: a declined or cancelled order has no reference to copy.
        render: (o) =>
          o.invoiceReference && invoiceable(o) ? <ReferenceCell value={o.invoiceReference} /> : orEmpty(null),
      },
    {
      key: 'contractorContact',
      label: 'contractorContact',
      sort: 'contractorContact',
      render: (o) => orEmpty(o.contractorContact?.name),
    },
    { key: 'type', label: 'type', sort: 'type', render: (o) => labels.type(o.type) },
    {
      key: 'description',
      label: 'description',
      sort: 'description',
      render: (o) => (
        <Text span inherit lineClamp={2} maw={320} title={o.description}>
          {o.description}
        </Text>
      ),
    },
    { key: 'ownerName', label: 'ownerName', sort: 'ownerName', render: (o) => orEmpty(o.ownerName) },
    { key: 'propertyName', label: 'propertyName', sort: 'propertyName', render: (o) => o.propertyName },
    { key: 'street', label: 'street', sort: 'street', render: (o) => o.street },
    {
      key: 'orderedAt',
      label: 'orderedAt',
      sort: 'orderedAt',
      nowrap: true,
      render: (o) => formatDateTime(o.orderedAt),
    },
    args.view === 'overdue' && {
      key: 'contactBy',
      label: 'contactBy',
      sort: 'contactBy',
      nowrap: true,
      render: (o) => formatDate(o.contactBy),
    },
    args.view === 'overdue' && {
      key: 'deliverBy',
      label: 'deliverBy',
      sort: 'deliverBy',
      nowrap: true,
      render: (o) => formatDate(o.deliverBy),
    },
    closedToo && {
      key: 'completedAt',
      label: 'completedAt',
      sort: 'completedAt',
      nowrap: true,
      render: (o) => formatDateTime(o.completedAt),
    },
    { key: 'reporter', label: 'reporter', sort: 'reporterName', render: (o) => o.reporterName },
    args.orgKind === 'client'
      ? {
          key: 'contractor',
          label: 'contractor',
          sort: 'contractor',
          render: (o) => orEmpty(o.contractor?.name),
        }
      : { key: 'client', label: 'client', sort: 'client', render: (o) => o.client.name },
  ];
  return columns.filter((c): c is InboxColumn => c !== false);
}

// The copy button comes with the completed list, after the inbox's first download.
const ReferenceCopy = lazy(() => import('./reference-copy.tsx').then((m) => ({ default: m.ReferenceCopy })));

/** The invoice reference, shown at once and copyable as soon as its button has loaded. */
export function ReferenceCell({ value }: { value: string }) {
  return (
    <Suspense
      fallback={
        <Text span inherit fw={700} ff="monospace">
          {value}
        </Text>
      }
    >
      <ReferenceCopy value={value} />
    </Suspense>
  );
}

/** Done or already invoiced: the orders whose reference goes on an invoice. */
export function invoiceable(order: Pick<WorkOrderListItem, 'status'>): boolean {
  return order.status === 'done' || order.status === 'invoiced';
}
