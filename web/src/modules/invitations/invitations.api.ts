import { queryOptions } from '@tanstack/react-query';
import type {
  CreateInvitationsBody,
  InvitationView,
  PendingInvitation,
  RegisterBody,
} from '../../../../contract/invitations.ts';
import { getJson, postJson, request } from '../../app/api.ts';

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
const tokenPath = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

export function invitationQuery(token: string) {
  return queryOptions({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => getJson<InvitationView>(tokenPath(token), { signal, expectUnauthorized: true }),
    retry: false,
  });
}

export async function registerFromInvitation(token: string, body: RegisterBody) {
  return postJson<{ status: 'registered' | 'confirm_email' }>(`${tokenPath(token)}/register`, body, {
    expectUnauthorized: true,
  });
}

export function acceptInvitation(token: string) {
  return postJson<{ orgIds: string[] }>(`${tokenPath(token)}/accept`, {});
}

export function confirmAddress(token: string) {
  return postJson<{ orgIds: string[] }>(
    `/api/invitation-confirmations/${encodeURIComponent(token)}`,
    {},
    {
      expectUnauthorized: true,
    },
  );
}

export function sendInvitations(body: CreateInvitationsBody) {
  return postJson<{ items: { id: string; email: string }[] }>('/api/invitations', body);
}

export function pendingInvitationsQuery(orgId: string) {
  return queryOptions({
    queryKey: ['invitations', orgId],
    queryFn: ({ signal }) =>
      getJson<{ items: PendingInvitation[] }>(`${base(orgId)}/invitations`, { signal }),
  });
}

export async function resendInvitation(orgId: string, id: string) {
  await request<void>(`${base(orgId)}/invitations/${encodeURIComponent(id)}/resend`, {
    method: 'POST',
    body: {},
  });
}

export async function revokeInvitation(orgId: string, id: string) {
  await request<void>(`${base(orgId)}/invitations/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
