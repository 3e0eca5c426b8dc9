import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API answers. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable code, e.g. work_orders.invalid_transition'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .describe('For input errors: each field at fault'),
  })
  .meta({ id: 'Problem' });
export type ProblemBody = z.infer<typeof problemSchema>;

export const idSchema = z.uuid();

export const orgParams = z.object({ orgId: z.uuid() });

/** A date-time in ISO 8601 with offset, always UTC on the wire; screens show Europe/Stockholm. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** A calendar date, YYYY-MM-DD, in Europe/Stockholm. */
export const isoDate = z.iso.date();

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const ref = z.object({ id: z.uuid(), name: z.string() });
export type Ref = z.infer<typeof ref>;
