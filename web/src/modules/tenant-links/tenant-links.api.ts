import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { tenantViewSchema } from '../../../../contract/tenant-links.ts';
import { getJson, postJson } from '../../app/api.ts';
import type { ProposalBody } from './proposal.ts';

export type TenantView = z.infer<typeof tenantViewSchema>;

const base = (token: string) => `/api/tenant-links/${encodeURIComponent(token)}`;

/** The reporter's view of their order, through the private link (no login). */
export function tenantViewQuery(token: string) {
  return queryOptions({
    queryKey: ['tenant-link', token],
    queryFn: ({ signal }) => getJson<TenantView>(base(token), { signal }),
    // The link is rate-limited per address: do not ask again on every focus.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

export function proposeTimes(args: { token: string; body: ProposalBody }) {
  return postJson<{ ok: true }>(`${base(args.token)}/proposals`, args.body);
}
