import { queryOptions } from '@tanstack/react-query';
import type { Membership } from '../../../../contract/organizations.ts';
import type { LoginBody, LoginResult, Me } from '../../../../contract/session.ts';
import { getJson, postJson, request } from '../../app/api.ts';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => getJson<Me>('/api/me', { signal, expectUnauthorized: true }),
  staleTime: 5 * 60 * 1000,
  retry: false,
});

/** The user when logged in, or `{ status: 'second_factor_required' }` when a code must follow. */
export function logIn(body: LoginBody): Promise<LoginResult> {
  return postJson<LoginResult>('/api/session', body, { expectUnauthorized: true });
}

export async function logOut(): Promise<void> {
  await request<void>('/api/session', { method: 'DELETE', expectUnauthorized: true });
}

const LAST_ORG_KEY = 'ordning.lastOrg';

export function rememberOrg(orgId: string) {
  try {
    localStorage.setItem(LAST_ORG_KEY, orgId);
  } catch {
    // Without storage the first company is used next time; nothing else depends on it.
  }
}

function rememberedOrg(): string | null {
  try {
    return localStorage.getItem(LAST_ORG_KEY);
  } catch {
    return null;
  }
}

/** The company to act in when the address does not say: the last one chosen, else the first. */
export function defaultMembership(me: Me): Membership | null {
  const last = rememberedOrg();
  return me.memberships.find((m) => m.orgId === last) ?? me.memberships[0] ?? null;
}

/**
 * Who may register a work order: a client's administrators and coordinators, and a contractor's
 * people who do the work (Familjebostäder's "Registrera arbetsorder", e.g. a fault found on a round).
 */
export function canRegisterOrders(membership: Membership | null | undefined): boolean {
  if (membership?.orgKind === 'client')
    return membership.role === 'admin' || membership.role === 'coordinator';
  if (membership?.orgKind === 'contractor') return membership.role !== 'support';
  return false;
}

/** A contractor's administrators and work managers: accept, decline, assign, export. */
export function isContractorManager(membership: Membership | null | undefined): boolean {
  return (
    membership?.orgKind === 'contractor' && (membership.role === 'admin' || membership.role === 'manager')
  );
}

/** A client's people who send and follow orders: dispatch, cancel, reopen, mark invoiced, edit. */
export function isClientDispatcher(membership: Membership | null | undefined): boolean {
  return (
    membership?.orgKind === 'client' && (membership.role === 'admin' || membership.role === 'coordinator')
  );
}

/** The property register, agreements and Kvalitet: every client role but support reads them. */
export function isClientReader(membership: Membership | null | undefined): boolean {
  return membership?.orgKind === 'client' && membership.role !== 'support';
}

/** Only a client's administrators change the register and the agreements. */
export function isClientAdmin(membership: Membership | null | undefined): boolean {
  return membership?.orgKind === 'client' && membership.role === 'admin';
}

/** Agreements: the client's people, and the contractor's administrators and work managers (read-only). */
export function canReadAgreements(membership: Membership | null | undefined): boolean {
  return isClientReader(membership) || isContractorManager(membership);
}

/** Work orders at all: a client's or contractor's people except support users (domain.md roles). */
export function canReadOrders(membership: Membership | null | undefined): boolean {
  return (
    (membership?.orgKind === 'client' || membership?.orgKind === 'contractor') &&
    membership.role !== 'support'
  );
}
