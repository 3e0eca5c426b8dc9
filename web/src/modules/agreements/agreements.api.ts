import { queryOptions } from '@tanstack/react-query';
import type { Agreement, AgreementTerms } from '../../../../contract/agreements.ts';
import { getJson, request } from '../../app/api.ts';

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const agreementKeys = {
  all: (orgId: string) => ['agreements', orgId] as const,
  one: (orgId: string, counterpartId: string) => ['agreements', orgId, counterpartId] as const,
};

/** A client's agreements, one per contractor; a contractor's, one per client. */
export function agreementsQuery(orgId: string) {
  return queryOptions({
    queryKey: agreementKeys.all(orgId),
    queryFn: ({ signal }) => getJson<{ items: Agreement[] }>(`${base(orgId)}/agreements`, { signal }),
  });
}

export function agreementQuery(orgId: string, counterpartId: string) {
  return queryOptions({
    queryKey: agreementKeys.one(orgId, counterpartId),
    queryFn: ({ signal }) =>
      getJson<Agreement>(`${base(orgId)}/agreements/${encodeURIComponent(counterpartId)}`, { signal }),
  });
}

/** Sets the terms, naming the version read: a change made meanwhile is refused (412). */
export async function saveAgreement(args: {
  orgId: string;
  counterpartId: string;
  version: number;
  terms: AgreementTerms;
}) {
  const response = await request<Agreement>(
    `${base(args.orgId)}/agreements/${encodeURIComponent(args.counterpartId)}`,
    { method: 'PUT', body: args.terms, headers: { 'if-match': `"${args.version}"` } },
  );
  return response.data;
}
