import { z } from 'zod';
import { orgKinds, roles } from './organizations.values.ts';

export * from './organizations.values.ts';

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
