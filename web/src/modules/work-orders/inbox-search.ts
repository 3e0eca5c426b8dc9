import type { OrgKind } from '../../../../contract/organizations.ts';
import { activeStatuses, type WorkOrderStatus, workOrderSorts } from '../../../../contract/work-orders.ts';
import type { InboxSearch } from '../../app/router.tsx';

export type WorkOrderSort = (typeof workOrderSorts)[number];
export type InboxView = 'active' | 'completed';

/** The inbox's state with every value checked and every default filled in. */
export type InboxState = {
  view: InboxView;
  statuses: WorkOrderStatus[];
  sort: WorkOrderSort;
  order: 'asc' | 'desc';
  page: number;
};

const COMPLETED: WorkOrderStatus[] = ['done', 'declined', 'invoiced', 'cancelled'];

/** The statuses the filter offers in a view; a client's drafts count as active work. */
export function statusesInView(view: InboxView, orgKind: OrgKind): WorkOrderStatus[] {
  if (view === 'completed') return COMPLETED;
  return orgKind === 'client' ? ['draft', ...activeStatuses] : [...activeStatuses];
}

/** Dates read newest first; everything else from the top of its order. */
export function defaultOrder(sort: WorkOrderSort): 'asc' | 'desc' {
  return sort === 'orderedAt' || sort === 'contactBy' || sort === 'deliverBy' ? 'desc' : 'asc';
}

export const DEFAULT_SORT: WorkOrderSort = 'orderedAt';

/** Reads the address's query string; anything unknown falls back to the default. */
export function readInboxSearch(search: InboxSearch, orgKind: OrgKind): InboxState {
  const view: InboxView = search.view === 'completed' ? 'completed' : 'active';
  const allowed = statusesInView(view, orgKind);
  const statuses = (search.status ?? '')
    .split(',')
    .filter((s): s is WorkOrderStatus => (allowed as string[]).includes(s));
  const sort = (workOrderSorts as readonly string[]).includes(search.sort ?? '')
    ? (search.sort as WorkOrderSort)
    : DEFAULT_SORT;
  const order = search.order === 'asc' || search.order === 'desc' ? search.order : defaultOrder(sort);
  return { view, statuses: [...new Set(statuses)], sort, order, page: search.page ?? 1 };
}

/** The query string for a state: defaults are left out, so plain addresses stay plain. */
export function writeInboxSearch(state: InboxState): InboxSearch {
  return {
    view: state.view === 'active' ? undefined : state.view,
    status: state.statuses.length ? state.statuses.join(',') : undefined,
    sort: state.sort === DEFAULT_SORT ? undefined : state.sort,
    order: state.order === defaultOrder(state.sort) ? undefined : state.order,
    page: state.page > 1 ? state.page : undefined,
  };
}
