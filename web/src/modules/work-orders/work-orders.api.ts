import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { contractorListSchema } from '../../../../contract/organizations.ts';
import type {
  CreateWorkOrderBody,
  TransitionBody,
  WorkOrder,
  WorkOrderList,
  WorkOrderStatus,
} from '../../../../contract/work-orders.ts';
import { getJson, postJson } from '../../app/api.ts';
import type { InboxState } from './inbox-search.ts';

export const PAGE_SIZE = 50;

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const workOrderKeys = {
  all: (orgId: string) => ['work-orders', orgId] as const,
  list: (orgId: string, state: InboxState) => ['work-orders', orgId, 'list', state] as const,
  detail: (orgId: string, id: string) => ['work-orders', orgId, 'detail', id] as const,
};

export function listQueryString(state: InboxState): string {
  const params = new URLSearchParams({ view: state.view, sort: state.sort, order: state.order });
  for (const status of state.statuses) params.append('status', status);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((state.page - 1) * PAGE_SIZE));
  return params.toString();
}

export function workOrderListQuery(orgId: string, state: InboxState) {
  return queryOptions({
    queryKey: workOrderKeys.list(orgId, state),
    queryFn: ({ signal }) =>
      getJson<WorkOrderList>(`${base(orgId)}/work-orders?${listQueryString(state)}`, { signal }),
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

export function contractorsQuery(orgId: string) {
  return queryOptions({
    queryKey: ['contractors', orgId],
    queryFn: ({ signal }) =>
      getJson<z.infer<typeof contractorListSchema>>(`${base(orgId)}/contractors`, { signal }),
    staleTime: 60_000,
  });
}

export function createWorkOrder(args: { orgId: string; body: CreateWorkOrderBody; idempotencyKey: string }) {
  return postJson<WorkOrder>(`${base(args.orgId)}/work-orders`, args.body, {
    headers: { 'idempotency-key': args.idempotencyKey },
  });
}

export type TransitionInput = Omit<TransitionBody, 'to'> & { to: WorkOrderStatus };

/** Moves the order on, naming the version read so a change made meanwhile is refused (412). */
export function transitionWorkOrder(args: {
  orgId: string;
  id: string;
  version: number;
  body: TransitionInput;
}) {
  return postJson<WorkOrder>(
    `${base(args.orgId)}/work-orders/${encodeURIComponent(args.id)}/transitions`,
    args.body,
    { headers: { 'if-match': `"${args.version}"` } },
  );
}
