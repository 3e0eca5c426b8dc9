import { queryOptions } from '@tanstack/react-query';
import type { Role } from '../../../../contract/organizations.ts';
import type { CompanyUser, CreateUserBody } from '../../../../contract/users.ts';
import { getJson, postJson, request } from '../../app/api.ts';

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
const userPath = (orgId: string, userId: string) => `${base(orgId)}/users/${encodeURIComponent(userId)}`;

export function usersQuery(orgId: string) {
  return queryOptions({
    queryKey: ['users', orgId],
    queryFn: ({ signal }) => getJson<{ items: CompanyUser[] }>(`${base(orgId)}/users`, { signal }),
  });
}

export function createUser(orgId: string, body: CreateUserBody) {
  return postJson<{ userId: string | null; outcome: 'created' | 'invited' }>(`${base(orgId)}/users`, body);
}

export async function changeRole(orgId: string, userId: string, role: Role) {
  await request<void>(`${userPath(orgId, userId)}/role`, { method: 'PUT', body: { role } });
}

export async function setDisabled(orgId: string, userId: string, disabled: boolean) {
  await request<void>(`${userPath(orgId, userId)}/disabled`, { method: 'PUT', body: { disabled } });
}

export async function removeMember(orgId: string, userId: string) {
  await request<void>(userPath(orgId, userId), { method: 'DELETE' });
}

export async function deleteAccount(orgId: string, userId: string) {
  await request<void>(`${userPath(orgId, userId)}/account`, { method: 'DELETE' });
}

export function securitySettingsQuery(orgId: string) {
  return queryOptions({
    queryKey: ['security-settings', orgId],
    queryFn: ({ signal }) =>
      getJson<{ requireTwoFactor: boolean }>(`${base(orgId)}/settings/security`, { signal }),
  });
}

export async function saveSecuritySettings(orgId: string, requireTwoFactor: boolean) {
  return (
    await request<{ requireTwoFactor: boolean }>(`${base(orgId)}/settings/security`, {
      method: 'PUT',
      body: { requireTwoFactor },
    })
  ).data;
}
