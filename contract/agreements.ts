import { z } from 'zod';
import { ref } from './common.ts';
import { priorities, workOrderTypes } from './work-orders.values.ts';

export * from './agreements.values.ts';

const dayRuleSchema = z.strictObject({
  days: z.number().int().min(0).max(365),
  unit: z.enum(['working', 'calendar']).describe('working = Monday–Friday less Swedish public holidays'),
});

const slaRuleSchema = z.strictObject({
  contactBy: dayRuleSchema.nullable().describe('Förväntad kontaktdag senast: days after the order is sent'),
  deliverBy: dayRuleSchema.nullable().describe('Förväntad leveransdag senast'),
});

const list = (max: number) =>
  z
    .array(z.string().trim().min(1).max(100))
    .min(1)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'no duplicates');

export const agreementTermsSchema = z.strictObject({
  orderTypes: z
    .array(z.enum(workOrderTypes))
    .min(1)
    .refine((items) => new Set(items).size === items.length, 'no duplicates')
    .describe('The order types the agreement covers: only these can be sent to the contractor'),
  slaRules: z.strictObject(
    Object.fromEntries(priorities.map((p) => [p, slaRuleSchema])) as Record<
      (typeof priorities)[number],
      typeof slaRuleSchema
    >,
  ),
  completedVisibleDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .describe('How many days done, declined and cancelled orders stay visible to the contractor'),
  requireFaultType: z.boolean(),
  requireRootCause: z.boolean(),
  faultTypes: list(50).describe('Feltyp choices'),
  rootCauses: list(50).describe('Rotorsak choices'),
  phrases: list(100).describe('Ready phrases for notes (Fras)'),
  invoiceReferenceTemplate: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[^\s]*\{number\}[^\s]*$/, 'must contain {number} and no spaces')
    .describe('Referensnummer, e.g. AO{number}'),
  invoiceMarking: z.string().trim().max(100).nullable().describe('Fakturamärkning'),
  projectNumber: z.string().trim().max(100).nullable().describe('P/F-nummer'),
  invoiceAddress: z.string().trim().max(500).nullable().describe('Fakturaadress or invoicing URL'),
});
export type AgreementTerms = z.infer<typeof agreementTermsSchema>;

export const agreementSchema = agreementTermsSchema
  .extend({
    client: ref,
    contractor: ref,
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementListSchema = z
  .object({ items: z.array(agreementSchema) })
  .meta({ id: 'AgreementList' });

export const agreementParams = z.object({
  orgId: z.uuid(),
  counterpartId: z
    .uuid()
    .describe('The other company of the agreement: the contractor for a client, and vice versa'),
});

export const clientListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        completedVisibleDays: z
          .number()
          .int()
          .describe("How many days the client's closed orders stay in the contractor's lists"),
      }),
    ),
  })
  .meta({ id: 'ClientList' });
export type ClientList = z.infer<typeof clientListSchema>;
