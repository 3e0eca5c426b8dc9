import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { Membership } from '../../../../contract/organizations.ts';
import type { WorkOrderList } from '../../../../contract/work-orders.ts';
import { setTransport } from '../../app/api.ts';
import { inboxQueries, loadInbox } from './inbox-data.ts';

const orgId = '00000000-0000-4000-8000-000000000001';
const client: Membership = { orgId, orgName: 'Exempelbostäder AB', orgKind: 'client', role: 'admin' };
// Only what the test reads; the page would read the rest.
const list = (status: string) =>
  ({ items: [{ id: 'a', number: 2, status }], total: 1 }) as unknown as WorkOrderList;

/** Answers the list with the status given, once released; everything else at once. */
function server() {
  let status = 'new';
  const waiting: (() => void)[] = [];
  setTransport(async (path) => {
    if (path.includes('/work-orders?')) await new Promise<void>((release) => waiting.push(release));
    const body = path.includes('/work-orders?') ? list(status) : { byCounterpart: [] };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  return {
    setStatus: (next: string) => (status = next),
    releaseList: () => {
      for (const release of waiting.splice(0)) release();
    },
    listAsked: () => waiting.length > 0,
  };
}

afterEach(() => setTransport((path, init) => fetch(path, init)));

describe('opening the inbox', () => {
  it('shows the list it has at once, fetching a newer one meanwhile', async () => {
    const api = server();
    const queryClient = new QueryClient();
    const key = inboxQueries(orgId, client, {}).list.queryKey;
    queryClient.setQueryData(key, list('new'));
    queryClient.setQueryDefaults(key, { staleTime: 0 });

    await loadInbox(queryClient, orgId, client, {});

    expect(api.listAsked()).toBe(true);
    api.releaseList();
  });

  it('waits for the list when a change made here has outdated it, so an order never shows its old status', async () => {
    const api = server();
    const queryClient = new QueryClient();
    const key = inboxQueries(orgId, client, {}).list.queryKey;
    queryClient.setQueryData(key, list('new'));
    api.setStatus('declined');
    await queryClient.invalidateQueries({ queryKey: key, refetchType: 'none' });

    let loaded = false;
    const loading = loadInbox(queryClient, orgId, client, {}).then(() => (loaded = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loaded).toBe(false);

    api.releaseList();
    await loading;
    expect(queryClient.getQueryData(key)?.items[0]?.status).toBe('declined');
  });
});
