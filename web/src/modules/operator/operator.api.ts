import { queryOptions } from '@tanstack/react-query';
import type { CompanySummary, CreateCompanyBody } from '../../../../contract/companies.ts';
import { getJson, postJson } from '../../app/api.ts';

export const operatorCompaniesQuery = queryOptions({
  queryKey: ['operator', 'companies'],
  queryFn: ({ signal }) => getJson<{ items: CompanySummary[] }>('/api/operator/companies', { signal }),
});

export function createCompany(body: CreateCompanyBody) {
  return postJson<{ id: string }>('/api/operator/companies', body);
}

export function accountSetupQuery(token: string) {
  return queryOptions({
    queryKey: ['account-setup', token],
    queryFn: ({ signal }) =>
      getJson<{ email: string; name: string }>(`/api/account-setup/${encodeURIComponent(token)}`, {
        signal,
        expectUnauthorized: true,
      }),
    retry: false,
  });
}

export function completeAccountSetup(
  token: string,
  body: { username: string; password: string; passwordConfirmation: string },
) {
  return postJson<unknown>(`/api/account-setup/${encodeURIComponent(token)}`, body, {
    expectUnauthorized: true,
  });
}
