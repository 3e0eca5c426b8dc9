/**
 * What the inbox asks the server for, in one place: the page reads it with its queries, and the
 * route's loader starts it as soon as the session is known, while the page's code is still on
 * its way (on a phone that is a round trip sooner).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Membership } from '../../../../contract/organizations.ts';
import type { InboxSearch } from '../../app/router.tsx';
import { readInboxSearch } from './inbox-search.ts';
import { clientsQuery, dashboardQuery, workOrderListQuery } from './work-orders.api.ts';

export function inboxQueries(orgId: string, membership: Membership, search: InboxSearch) {
  const state = readInboxSearch(search, { orgKind: membership.orgKind, role: membership.role });
  return {
    state,
    list: workOrderListQuery(orgId, state, membership.orgKind),
    // The clients (or contractors) to narrow the list to: those the company has orders with.
    dashboard: { ...dashboardQuery(orgId), staleTime: 60_000 },
    // A contractor's Utförda reaches back as far as each client's window (JM: Senaste 6 mån).
    clients: {
      ...clientsQuery(orgId),
      enabled: membership.orgKind === 'contractor' && membership.role !== 'support',
    },
  };
}

/**
 * Starts the inbox's requests; waits for a contractor's clients, whose windows name the Utförda
 * choice ("Utförda (senaste 6 mån)"): arriving after the filters were drawn, the longer name
 * wrapped the choices onto a second line on a phone and pushed the page down (a layout shift of
 * 0,09–0,16 in Lighthouse). Waits for the list too when a change made here has outdated it (an
 * order accepted or declined, then Tillbaka till listan): the list as it was would show the order
 * in its old status for a moment, as if the change had not been made.
 */
export async function loadInbox(
  queryClient: QueryClient,
  orgId: string,
  membership: Membership,
  search: InboxSearch,
): Promise<void> {
  const queries = inboxQueries(orgId, membership, search);
  const outdated = queryClient.getQueryState(queries.list.queryKey)?.isInvalidated === true;
  // A failure shows on the page, from its own query (prefetchQuery never rejects).
  const list = queryClient.prefetchQuery(queries.list);
  void queryClient.prefetchQuery(queries.dashboard);
  const clients = queries.clients.enabled
    ? queryClient.ensureQueryData(queries.clients).catch(() => undefined)
    : undefined;
  await Promise.all([outdated ? list : undefined, clients]);
}
