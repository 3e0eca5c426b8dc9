/** Company kinds and roles, without Zod (see work-orders.values.ts). */
export const orgKinds = ['client', 'contractor', 'partner', 'operator'] as const;
export type OrgKind = (typeof orgKinds)[number];

/** Roles per org kind (domain.md). `support` exists for clients and contractors. */
export const roles = [
  'admin',
  'coordinator',
  'viewer',
  'manager',
  'technician',
  'support',
  'member',
] as const;
export type Role = (typeof roles)[number];

export const rolesByOrgKind: Record<OrgKind, readonly Role[]> = {
  client: ['admin', 'coordinator', 'viewer', 'support'],
  contractor: ['admin', 'manager', 'technician', 'support'],
  partner: ['admin', 'member'],
  operator: ['admin'],
};
