import { z } from 'zod';

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

export const membershipSchema = z
  .object({
    orgId: z.uuid(),
    orgName: z.string(),
    orgKind: z.enum(orgKinds),
    role: z.enum(roles),
  })
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof membershipSchema>;

export const contractorSummarySchema = z
  .object({ id: z.uuid(), name: z.string(), orgNumber: z.string().nullable() })
  .meta({ id: 'ContractorSummary' });

export const contractorListSchema = z.object({ items: z.array(contractorSummarySchema) });

export const orgMemberSchema = z
  .object({ userId: z.uuid(), name: z.string(), role: z.enum(roles) })
  .meta({ id: 'OrgMember' });
export const orgMemberListSchema = z.object({ items: z.array(orgMemberSchema) });
