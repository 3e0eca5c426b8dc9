import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { orgKinds, roles } from './organizations.values.ts';

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
const orgNumber = z.string().trim().min(10).max(13).describe('Organisationsnummer, NNNNNN-NNNN');

/** Mina företag: every company of the user with what waits there. */
export const myCompanySchema = z
  .object({
    orgId: z.uuid(),
    name: z.string(),
    kind: z.enum(orgKinds),
    role: z.enum(roles),
    activeOrders: z.number().int(),
    openQuestions: z.number().int(),
    overdueOrders: z.number().int(),
  })
  .meta({ id: 'MyCompany' });
export type MyCompany = z.infer<typeof myCompanySchema>;
export const myCompanyListSchema = z.object({ items: z.array(myCompanySchema) });

export const securitySettingsSchema = z
  .strictObject({ requireTwoFactor: z.boolean() })
  .meta({ id: 'SecuritySettings' });

export const inviteContractorBodySchema = z
  .strictObject({ orgNumber, name: z.string().trim().min(1).max(200), email })
  .meta({ id: 'InviteContractor' });
export type InviteContractorBody = z.infer<typeof inviteContractorBodySchema>;

export const inviteContractorResultSchema = z
  .object({
    contractorOrgId: z.uuid(),
    created: z.boolean().describe('The company was new'),
    invited: z
      .boolean()
      .describe('The e-mail got an invitation as administrator (only for a company without people)'),
  })
  .meta({ id: 'InviteContractorResult' });

export const companySummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(orgKinds),
    orgNumber: z.string().nullable(),
    members: z.number().int(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'CompanySummary' });
export type CompanySummary = z.infer<typeof companySummarySchema>;
export const companyListSchema = z.object({ items: z.array(companySummarySchema) });

export const createCompanyBodySchema = z
  .strictObject({
    kind: z.enum(['client', 'contractor']),
    name: z.string().trim().min(1).max(200),
    orgNumber,
    adminEmail: email.describe('The first administrator, who gets an invitation'),
  })
  .meta({ id: 'CreateCompany' });
export type CreateCompanyBody = z.infer<typeof createCompanyBodySchema>;

export const accountSetupViewSchema = z
  .object({ email: z.string(), name: z.string() })
  .meta({ id: 'AccountSetupView' });
export const accountSetupBodySchema = z
  .strictObject({
    username: z
      .string()
      .trim()
      .min(3)
      .max(60)
      .regex(/^[\p{L}\p{N}._@-]+$/u),
    password: z.string().min(1).max(1024),
    passwordConfirmation: z.string().min(1).max(1024),
  })
  .meta({ id: 'AccountSetup' });
