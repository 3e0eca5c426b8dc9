import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClientList } from '../../../../contract/agreements.ts';
import type { contractorListSchema, orgMemberListSchema } from '../../../../contract/organizations.ts';
import type { OrgKind } from '../../../../contract/organizations.values.ts';
import type {
  CreateWorkOrderBody,
  Dashboard,
  TransitionBody,
  UpdateWorkOrderBody,
  WorkOrder,
  WorkOrderList,
  WorkOrderStatus,
  WorkOrderType,
} from '../../../../contract/work-orders.ts';
import { getJson, postJson, request } from '../../app/api.ts';
import { filterParams, type InboxState } from './inbox-search.ts';

export const PAGE_SIZE = 50;

export type OrgMember = z.infer<typeof orgMemberListSchema>['items'][number];

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const workOrderKeys = {
  all: (orgId: string) => ['work-orders', orgId] as const,
  list: (orgId: string, state: InboxState) => ['work-orders', orgId, 'list', state] as const,
  detail: (orgId: string, id: string) => ['work-orders', orgId, 'detail', id] as const,
  dashboard: (orgId: string) => ['work-orders', orgId, 'dashboard'] as const,
};

export function listQueryString(state: InboxState, orgKind: OrgKind): string {
  const params = filterParams(state, orgKind);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((state.page - 1) * PAGE_SIZE));
  return params.toString();
}

/** The CSV download of the list as filtered now, every page (the invoicing run's file). */
export function exportUrl(orgId: string, state: InboxState, orgKind: OrgKind): string {
  return `${base(orgId)}/work-orders/export.csv?${filterParams(state, orgKind).toString()}`;
}

export function workOrderListQuery(orgId: string, state: InboxState, orgKind: OrgKind) {
  return queryOptions({
    queryKey: workOrderKeys.list(orgId, state),
    queryFn: ({ signal }) =>
      getJson<WorkOrderList>(`${base(orgId)}/work-orders?${listQueryString(state, orgKind)}`, { signal }),
    // Keep the rows on screen while the next page or sort order loads.
    placeholderData: keepPreviousData,
  });
}

export function workOrderQuery(orgId: string, id: string) {
  return queryOptions({
    queryKey: workOrderKeys.detail(orgId, id),
    queryFn: ({ signal }) =>
      getJson<WorkOrder>(`${base(orgId)}/work-orders/${encodeURIComponent(id)}`, { signal }),
  });
}

/** What Översikt is narrowed to; every part optional. */
export type DashboardFilter = {
  clientOrgId?: string | undefined;
  contractorOrgId?: string | undefined;
  propertyId?: string | undefined;
  overdue?: 'any' | undefined;
};

export function dashboardQuery(orgId: string, filter: DashboardFilter = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.size ? `?${params}` : '';
  return queryOptions({
    queryKey: [...workOrderKeys.dashboard(orgId), query] as const,
    queryFn: ({ signal }) => getJson<Dashboard>(`${base(orgId)}/work-orders/dashboard${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** The contractors a client can send to; with a type, only those whose agreement covers it. */
export function contractorsQuery(orgId: string, type?: WorkOrderType) {
  return queryOptions({
    queryKey: ['contractors', orgId, type ?? 'any'],
    queryFn: ({ signal }) =>
      getJson<z.infer<typeof contractorListSchema>>(
        `${base(orgId)}/contractors${type ? `?type=${encodeURIComponent(type)}` : ''}`,
        { signal },
      ),
    staleTime: 60_000,
  });
}

/** A contractor's clients by agreement: whom it can register an order for, and each one's window. */
export function clientsQuery(orgId: string) {
  return queryOptions({
    queryKey: ['clients', orgId],
    queryFn: ({ signal }) => getJson<ClientList>(`${base(orgId)}/clients`, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The company's people who can be given work (Entreprenörkontakt). */
export function membersQuery(orgId: string) {
  return queryOptions({
    queryKey: ['members', orgId],
    queryFn: ({ signal }) =>
      getJson<z.infer<typeof orgMemberListSchema>>(`${base(orgId)}/members`, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function createWorkOrder(args: { orgId: string; body: CreateWorkOrderBody; idempotencyKey: string }) {
  return postJson<WorkOrder>(`${base(args.orgId)}/work-orders`, args.body, {
    headers: { 'idempotency-key': args.idempotencyKey },
  });
}

export type TransitionInput = Omit<TransitionBody, 'to'> & { to: WorkOrderStatus };

/**
 * Moves the order on. With the version read, a change made meanwhile is refused (412); without it
 * (a one-tap move from a list card, which has no version) the server still refuses a move the
 * order's status does not allow.
 */
export function transitionWorkOrder(args: {
  orgId: string;
  id: string;
  version?: number;
  body: TransitionInput;
}) {
  return postJson<WorkOrder>(
    `${base(args.orgId)}/work-orders/${encodeURIComponent(args.id)}/transitions`,
    args.body,
    args.version === undefined ? {} : { headers: { 'if-match': `"${args.version}"` } },
  );
}

/** Saves the contractor's fields, naming the version read (If-Match is required: 428 without, 412 stale). */
export async function updateWorkOrder(args: {
  orgId: string;
  id: string;
  version: number;
  body: UpdateWorkOrderBody;
}) {
  const response = await request<WorkOrder>(
    `${base(args.orgId)}/work-orders/${encodeURIComponent(args.id)}`,
    { method: 'PATCH', body: args.body, headers: { 'if-match': `"${args.version}"` } },
  );
  return response.data;
}

/** Accepts every new order of a bundle in one go (Familjebostäder step 4–5). */
export function acceptBundle(args: { orgId: string; bundle: string }) {
  return postJson<{ accepted: { id: string; number: number }[] }>(
    `${base(args.orgId)}/work-orders/bundles/${encodeURIComponent(args.bundle)}/accept`,
    {},
  );
}

/** Marks done orders Fakturerad in one go: the server marks all of them or none. */
export function bulkInvoice(args: { orgId: string; ids: string[] }) {
  return postJson<{ items: { id: string; number: number; status: WorkOrderStatus }[] }>(
    `${base(args.orgId)}/work-orders/bulk-transitions`,
    { ids: args.ids, to: 'invoiced' },
  );
}

/** Sends a draft to a contractor, or a declined order to another one, naming the version read. */
export function dispatchWorkOrder(args: {
  orgId: string;
  id: string;
  version: number;
  contractorOrgId: string;
}) {
  return postJson<WorkOrder>(
    `${base(args.orgId)}/work-orders/${encodeURIComponent(args.id)}/dispatch`,
    { contractorOrgId: args.contractorOrgId },
    { headers: { 'if-match': `"${args.version}"` } },
  );
}
