/**
 * What the benchmark measures: four reads (each with a database floor and an HTTP ceiling) and two
 * writes, as the contractor's and the client's busiest users would do them.
 */
export type BenchIds = {
  contractorId: string;
  clientId: string;
  /** An order on the contractor's inbox, with its event log. */
  orderId: string;
};

export type Read = {
  name: 'inbox' | 'search' | 'dashboard' | 'order';
  as: 'contractor' | 'client';
  path: (ids: BenchIds) => string;
};

export const reads: Read[] = [
  {
    name: 'inbox',
    as: 'contractor',
    path: (ids) => `/api/orgs/${ids.contractorId}/work-orders?view=active&sort=orderedAt&order=desc&limit=50`,
  },
  {
    name: 'search',
    as: 'contractor',
    // The issue's own example: "blandaren" finds "blandare", over every order the contractor can see.
    path: (ids) =>
      `/api/orgs/${ids.contractorId}/work-orders?view=all&q=blandaren&sort=orderedAt&order=desc&limit=50`,
  },
  { name: 'dashboard', as: 'client', path: (ids) => `/api/orgs/${ids.clientId}/work-orders/dashboard` },
  {
    name: 'order',
    as: 'contractor',
    path: (ids) => `/api/orgs/${ids.contractorId}/work-orders/${ids.orderId}`,
  },
];

/** A new order as the client's coordinator sends it (a fault in a kitchen), dispatched at once. */
export function newOrderBody(contractorId: string, n: number): string {
  return JSON.stringify({
    type: 'fault',
    priority: 'normal',
    description: `Kommer inget vatten i köksblandaren (${n})`,
    phrase: 'Blandare dåligt tryck',
    propertyName: 'Stockholm Tallkrogen 3',
    street: 'Torögatan 51',
    postalCode: '122 65',
    city: 'Enskede',
    objectNumber: String(64_010_000 + (n % 1000)),
    room: 'Kök (076506)',
    unit: 'Diskbänk',
    reporter: { name: 'Test Testsson', phones: [{ kind: 'home', number: '070-174 06 05', preferred: true }] },
    contractorOrgId: contractorId,
    dispatch: true,
  });
}
