import { z } from 'zod';
import { isoDateTime } from './common.ts';

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: isoDateTime,
    action: z.string(),
    actorName: z.string().nullable(),
    orgId: z.uuid().nullable(),
    orgName: z.string().nullable(),
    targetName: z.string().nullable(),
    ip: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z
  .object({ items: z.array(auditEventSchema), total: z.number().int() })
  .meta({ id: 'AuditPage' });

export const auditQuerySchema = z.object({
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .max(60)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
