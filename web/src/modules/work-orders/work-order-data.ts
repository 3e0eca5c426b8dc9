/**
 * What an order's page asks the server for, started by its route's loader as soon as the session
 * is known: on a phone the requests go out while the page's code is still on its way, and on the
 * server the page is drawn with them (entry-server.tsx waits for every request started here).
 * Nothing is awaited: the page shows each part as its answer comes.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Membership } from '../../../../contract/organizations.ts';
import { attachmentsQuery, heldMailQuery, messagesQuery } from '../communication/communication.api.ts';
import { membersQuery, workOrderQuery } from './work-orders.api.ts';

export function loadWorkOrder(queryClient: QueryClient, orgId: string, id: string, membership: Membership) {
  const contractor = membership.orgKind === 'contractor';
  if (contractor && membership.role !== 'support') void queryClient.prefetchQuery(membersQuery(orgId));
  void queryClient.prefetchQuery(attachmentsQuery(orgId, id));
  if (membership.role === 'admin') void queryClient.prefetchQuery(heldMailQuery(orgId));
  // The dialog with the other side exists once the order has a contractor.
  void queryClient
    .ensureQueryData(workOrderQuery(orgId, id))
    .then((order) => (order.contractor ? queryClient.prefetchQuery(messagesQuery(orgId, id)) : undefined))
    // A failure shows on the page, from its own query.
    .catch(() => undefined);
}
