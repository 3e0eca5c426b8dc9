import { z } from 'zod';
import { isoDate, isoDateTime } from './common.ts';

export const qualityGroupings = ['property', 'objectType', 'unitType'] as const;

export const qualityQuerySchema = z
  .strictObject({
    from: isoDate.describe('First day of the period (Stockholm), by completion date'),
    to: isoDate.describe('Last day of the period, inclusive'),
    groupBy: z.enum(qualityGroupings).default('property'),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

export const qualityReportSchema = z
  .object({
    groupBy: z.enum(qualityGroupings),
    rows: z.array(
      z.object({
        group: z
          .string()
          .nullable()
          .describe('The property, object type or unit type; null when the order has none'),
        faultType: z.string().nullable(),
        rootCause: z.string().nullable(),
        count: z.number().int(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'QualityReport' });
export type QualityReport = z.infer<typeof qualityReportSchema>;

const orderRef = z.object({ id: z.uuid(), number: z.number().int() });

export const repeatFaultsSchema = z
  .object({
    windowDays: z.number().int(),
    items: z.array(
      z.object({
        earlier: orderRef.extend({ completedAt: isoDateTime, faultType: z.string().nullable() }),
        later: orderRef.extend({ orderedAt: isoDateTime, status: z.string() }),
        matchedOn: z.enum(['unit', 'serialNumber']),
        propertyName: z.string(),
        objectNumber: z.string().nullable(),
        unit: z.string().nullable(),
        serialNumber: z.string().nullable(),
        daysBetween: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'RepeatFaults' });
export type RepeatFaults = z.infer<typeof repeatFaultsSchema>;
