import { queryOptions } from '@tanstack/react-query';
import type { InviteContractorBody, MyCompany } from '../../../../contract/companies.ts';
import { getJson, postJson } from '../../app/api.ts';

export const myCompaniesQuery = queryOptions({
  queryKey: ['me', 'companies'],
  queryFn: ({ signal }) => getJson<{ items: MyCompany[] }>('/api/me/companies', { signal }),
});

export function inviteContractor(orgId: string, body: InviteContractorBody) {
  return postJson<{ contractorOrgId: string; created: boolean; invited: boolean }>(
    `/api/orgs/${encodeURIComponent(orgId)}/contractor-invitations`,
    body,
  );
}
