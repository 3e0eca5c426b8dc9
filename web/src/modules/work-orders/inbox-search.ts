import type { OrgKind, Role } from '../../../../contract/organizations.values.ts';
import {
  activeStatuses,
  type WorkOrderStatus,
  type WorkOrderType,
  workOrderSorts,
  workOrderStatuses,
  workOrderTypes,
} from '../../../../contract/work-orders.values.ts';
import type { InboxSearch } from '../../app/router.tsx';

export type WorkOrderSort = (typeof workOrderSorts)[number];
/** Försenade: active orders past their contact-by or deliver-by day without the matching progress. */
export type InboxView = 'active' | 'completed' | 'all' | 'overdue';

/** Who reads the inbox: the defaults differ for a technician (Mina jobb) and for each side. */
export type InboxViewer = { orgKind: OrgKind; role: Role };

/** The inbox's state with every value checked and every default filled in. */
export type InboxState = {
  view: InboxView;
  statuses: WorkOrderStatus[];
  types: WorkOrderType[];
  q: string;
  /** Only orders from this client (a contractor's view) or to this contractor (a client's view). */
  counterpart: string | null;
  /** Only orders on this property of the client's register. */
  property: string | null;
  groupByBundle: boolean;
  sort: WorkOrderSort;
  order: 'asc' | 'desc';
  page: number;
};

const COMPLETED: WorkOrderStatus[] = ['done', 'declined', 'invoiced', 'cancelled'];

/** The statuses the filter offers in a view; a client's drafts count as active work. */
export function statusesInView(view: InboxView, orgKind: OrgKind): WorkOrderStatus[] {
  if (view === 'completed') return COMPLETED;
  const all = orgKind === 'client' ? workOrderStatuses : workOrderStatuses.filter((s) => s !== 'draft');
  if (view === 'all') return [...all];
  // Drafts have no SLA dates, so they are never late.
  if (view === 'overdue') return [...activeStatuses];
  return orgKind === 'client' ? ['draft', ...activeStatuses] : [...activeStatuses];
}

/** The view that holds a status: where a link to "orders with status X" should land. */
export function viewOf(status: WorkOrderStatus | null): InboxView {
  if (status === null) return 'all';
  return COMPLETED.includes(status) ? 'completed' : 'active';
}

/** A technician's inbox is Mina jobb: their own orders, the next visit first. */
export function isTechnician(viewer: InboxViewer): boolean {
  return viewer.orgKind === 'contractor' && viewer.role === 'technician';
}

export function defaultSort(viewer: InboxViewer): WorkOrderSort {
  return isTechnician(viewer) ? 'schedule' : 'orderedAt';
}

/** Past events read newest first; coming ones (a booked visit, a planned day) soonest first. */
export function defaultOrder(sort: WorkOrderSort): 'asc' | 'desc' {
  switch (sort) {
    case 'orderedAt':
    case 'completedAt':
    case 'contactBy':
    case 'deliverBy':
      return 'desc';
    default:
      return 'asc';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function listOf<T extends string>(value: string | undefined, allowed: readonly T[]): T[] {
  const picked = (value ?? '').split(',').filter((s): s is T => (allowed as readonly string[]).includes(s));
  return [...new Set(picked)];
}

/** The other side named in the address: `client` for a contractor's inbox, `contractor` for a client's. */
function counterpartOf(search: InboxSearch, orgKind: OrgKind): string | null {
  const id = orgKind === 'client' ? search.contractor : search.client;
  return id && UUID.test(id) ? id : null;
}

/** Reads the address's query string; anything unknown falls back to the default. */
export function readInboxSearch(search: InboxSearch, viewer: InboxViewer): InboxState {
  const view: InboxView =
    search.view === 'completed' || search.view === 'all' || search.view === 'overdue'
      ? search.view
      : 'active';
  const sort = (workOrderSorts as readonly string[]).includes(search.sort ?? '')
    ? (search.sort as WorkOrderSort)
    : defaultSort(viewer);
  const order = search.order === 'asc' || search.order === 'desc' ? search.order : defaultOrder(sort);
  return {
    view,
    statuses: listOf(search.status, statusesInView(view, viewer.orgKind)),
    types: listOf(search.type, workOrderTypes),
    q: (search.q ?? '').trim().slice(0, 200),
    counterpart: counterpartOf(search, viewer.orgKind),
    property: search.property && UUID.test(search.property) ? search.property : null,
    groupByBundle: search.group === 'bundle',
    sort,
    order,
    page: search.page ?? 1,
  };
}

/** The query string for a state: defaults are left out, so plain addresses stay plain. */
export function writeInboxSearch(state: InboxState, viewer: InboxViewer): InboxSearch {
  return {
    view: state.view === 'active' ? undefined : state.view,
    status: state.statuses.length ? state.statuses.join(',') : undefined,
    type: state.types.length ? state.types.join(',') : undefined,
    q: state.q.trim() ? state.q.trim() : undefined,
    [viewer.orgKind === 'client' ? 'contractor' : 'client']: state.counterpart ?? undefined,
    property: state.property ?? undefined,
    group: state.groupByBundle ? 'bundle' : undefined,
    sort: state.sort === defaultSort(viewer) ? undefined : state.sort,
    order: state.order === defaultOrder(state.sort) ? undefined : state.order,
    page: state.page > 1 ? state.page : undefined,
  };
}

/** The API's filters for a state (the list, and the CSV export without paging). */
export function filterParams(state: InboxState, orgKind: OrgKind): URLSearchParams {
  const params = new URLSearchParams({
    view: state.view === 'overdue' ? 'active' : state.view,
    sort: state.sort,
    order: state.order,
  });
  if (state.view === 'overdue') params.set('overdue', 'any');
  for (const status of state.statuses) params.append('status', status);
  for (const type of state.types) params.append('type', type);
  if (state.q) params.set('q', state.q);
  if (state.counterpart) {
    params.set(orgKind === 'client' ? 'contractorOrgId' : 'clientOrgId', state.counterpart);
  }
  if (state.property) params.set('propertyId', state.property);
  return params;
}

/** Whether anything narrows the list beyond its view, so an empty list says "nothing matches". */
export function isFiltered(state: InboxState): boolean {
  return (
    state.statuses.length > 0 ||
    state.types.length > 0 ||
    state.q !== '' ||
    state.counterpart !== null ||
    state.property !== null
  );
}
