import { z } from 'zod';
import { isoDate, isoDateTime } from './common.ts';
import { workOrderStatuses } from './work-orders.values.ts';

export const createTenantLinkBodySchema = z
  .strictObject({
    send: z.boolean().default(false).describe("Also e-mail the link to the reporter's address"),
  })
  .meta({ id: 'CreateTenantLink' });

export const tenantLinkSchema = z
  .object({ url: z.string(), sentTo: z.string().nullable() })
  .meta({ id: 'TenantLink' });

export const tenantViewSchema = z
  .object({
    number: z.number().int(),
    status: z.enum(workOrderStatuses),
    description: z.string(),
    propertyName: z.string(),
    street: z.string(),
    contractorName: z.string().nullable(),
    bookedAt: isoDateTime.nullable(),
    events: z.array(
      z.object({
        type: z.string().describe('note, or tenant_proposal for times the reporter proposed'),
        text: z.string().nullable(),
        times: z.array(z.string()).nullable().describe('The proposed times, e.g. "2026-05-07 08:00–12:00"'),
        createdAt: isoDateTime,
      }),
    ),
  })
  .meta({ id: 'TenantView' });

export const proposalBodySchema = z
  .strictObject({
    times: z
      .array(
        z.strictObject({
          date: isoDate,
          from: z
            .string()
            .regex(/^\d{2}:\d{2}$/, 'HH:MM')
            .optional(),
          to: z
            .string()
            .regex(/^\d{2}:\d{2}$/, 'HH:MM')
            .optional(),
        }),
      )
      .min(1)
      .max(3),
    text: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'VisitProposal' });
