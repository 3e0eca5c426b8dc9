import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AuditEvent } from '../../../../contract/audit.ts';
import { getJson } from '../../app/api.ts';

export const AUDIT_PAGE_SIZE = 50;

/** One page of a company's log, or of the whole installation's when orgId is null (operator). */
export function auditQuery(args: { orgId: string | null; action?: string; page: number }) {
  const params = new URLSearchParams({
    limit: String(AUDIT_PAGE_SIZE),
    offset: String((args.page - 1) * AUDIT_PAGE_SIZE),
  });
  if (args.action) params.set('action', args.action);
  const path = args.orgId ? `/api/orgs/${encodeURIComponent(args.orgId)}/audit` : '/api/operator/audit';
  return queryOptions({
    queryKey: ['audit', args.orgId, args.action ?? '', args.page],
    queryFn: ({ signal }) => getJson<{ items: AuditEvent[]; total: number }>(`${path}?${params}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
