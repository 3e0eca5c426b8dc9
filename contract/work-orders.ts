import { z } from 'zod';
import { isoDate, isoDateTime, pageQuery, ref } from './common.ts';

/**
 * Status codes of domain.md, plus `draft` for an order the client has saved but not dispatched
 * (docs/decisions/0004). The Swedish and English labels live in the web's translations.
 */
export const workOrderStatuses = [
  'draft',
  'new',
  'accepted',
  'material_ordered',
  'reporter_unreachable',
  'done',
  'declined',
  'invoiced',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

/** Statuses in which the order still needs the contractor (JM "Aktiva beställningar"). */
export const activeStatuses = ['new', 'accepted', 'material_ordered', 'reporter_unreachable'] as const;

export const workOrderTypes = [
  'fault',
  'warranty',
  'hlu',
  'authority',
  'inspection',
  'addon',
  'maintenance',
] as const;
export type WorkOrderType = (typeof workOrderTypes)[number];

export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];

export const phoneKinds = ['home', 'work', 'other'] as const;

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const phoneSchema = z.strictObject({
  kind: z
    .enum(phoneKinds)
    .describe('home = Telefon bostad, work = Telefon arbete, other = Telefon övrig/SMS'),
  number: z
    .string()
    .trim()
    .min(5)
    .max(30)
    .regex(/^\+?[0-9 ()-]+$/, 'digits, spaces, +, -, ( and ) only'),
  preferred: z.boolean().default(false).describe('The number to use for this order (shown with *)'),
});
export type Phone = z.infer<typeof phoneSchema>;

export const reporterSchema = z.strictObject({
  name: requiredText(200),
  phones: z
    .array(phoneSchema)
    .min(1)
    .max(3)
    .refine((phones) => phones.filter((p) => p.preferred).length <= 1, 'at most one preferred phone'),
  email: z.email().max(254).optional(),
});

export const createWorkOrderBodySchema = z
  .strictObject({
    type: z.enum(workOrderTypes),
    priority: z.enum(priorities),
    description: requiredText(4000),
    phrase: text(200).optional(),
    billable: z.boolean().optional().describe('Defaults to false for warranty, true otherwise'),
    externalRef: text(100).optional(),
    propertyName: requiredText(200).describe('Fastighet, e.g. "Solna Rosenborg 3"'),
    ownerName: text(200).optional().describe('Företag on the address, e.g. "Brf Vågen"'),
    street: requiredText(200),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3} ?\d{2}$/, 'five digits, e.g. 123 45')
      .optional(),
    city: text(100).optional(),
    objectNumber: text(50).optional(),
    room: text(100).optional(),
    unit: text(100).optional(),
    accessToApartment: text(500).optional(),
    keyInfo: text(500).optional(),
    entryWithoutTenant: z.boolean().optional(),
    preferredTime: text(200).optional(),
    reporter: reporterSchema,
    contractorOrgId: z.uuid().optional().describe('Required when dispatch is true'),
    dispatch: z.boolean().default(true).describe('Send to the contractor now; false keeps a draft'),
  })
  .meta({ id: 'CreateWorkOrder' });
export type CreateWorkOrderBody = z.input<typeof createWorkOrderBodySchema>;

export const transitionBodySchema = z
  .strictObject({
    to: z.enum(workOrderStatuses),
    reason: text(2000).optional().describe('Required to decline, cancel and reopen'),
    actionDescription: text(4000).optional().describe('Åtgärdsbeskrivning; required to complete'),
    faultType: text(100).optional(),
    rootCause: text(100).optional(),
    model: text(200).optional(),
    serialNumber: text(100).optional(),
  })
  .meta({ id: 'WorkOrderTransition' });
export type TransitionBody = z.infer<typeof transitionBodySchema>;

export const workOrderListItemSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    externalRef: z.string().nullable(),
    status: z.enum(workOrderStatuses),
    type: z.enum(workOrderTypes),
    priority: z.enum(priorities),
    description: z.string(),
    propertyName: z.string(),
    ownerName: z.string().nullable(),
    street: z.string(),
    city: z.string().nullable(),
    client: ref,
    contractor: ref.nullable(),
    contractorContact: ref.nullable(),
    reporterName: z.string(),
    orderedAt: isoDateTime.nullable(),
    contactBy: isoDate.nullable().describe('Förväntad kontaktdag senast'),
    deliverBy: isoDate.nullable().describe('Förväntad leveransdag senast'),
    createdAt: isoDateTime,
  })
  .meta({ id: 'WorkOrderListItem' });
export type WorkOrderListItem = z.infer<typeof workOrderListItemSchema>;

export const workOrderEventSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    fromStatus: z.enum(workOrderStatuses).nullable(),
    toStatus: z.enum(workOrderStatuses).nullable(),
    reason: z.string().nullable(),
    actor: ref.nullable(),
    actorOrg: ref.nullable(),
    visibility: z.enum(['internal', 'shared', 'tenant']),
    createdAt: isoDateTime,
  })
  .meta({ id: 'WorkOrderEvent' });
export type WorkOrderEvent = z.infer<typeof workOrderEventSchema>;

export const workOrderSchema = workOrderListItemSchema
  .extend({
    phrase: z.string().nullable(),
    billable: z.boolean(),
    postalCode: z.string().nullable(),
    objectNumber: z.string().nullable(),
    room: z.string().nullable(),
    unit: z.string().nullable(),
    accessToApartment: z.string().nullable(),
    keyInfo: z.string().nullable(),
    entryWithoutTenant: z.boolean().nullable(),
    preferredTime: z.string().nullable(),
    reporter: z.object({
      name: z.string(),
      phones: z.array(z.object({ kind: z.enum(phoneKinds), number: z.string(), preferred: z.boolean() })),
      email: z.string().nullable(),
    }),
    orderedBy: ref.nullable(),
    bookedAt: isoDateTime.nullable(),
    plannedAt: isoDate.nullable().describe('Planerad'),
    completedAt: isoDateTime.nullable(),
    actionDescription: z.string().nullable(),
    faultType: z.string().nullable(),
    rootCause: z.string().nullable(),
    model: z.string().nullable(),
    serialNumber: z.string().nullable(),
    version: z.number().int(),
    allowedTransitions: z
      .array(z.enum(workOrderStatuses))
      .describe('The statuses the caller may move this order to now'),
    events: z.array(workOrderEventSchema),
  })
  .meta({ id: 'WorkOrder' });
export type WorkOrder = z.infer<typeof workOrderSchema>;

export const workOrderSorts = [
  'orderedAt',
  'number',
  'status',
  'priority',
  'type',
  'propertyName',
  'street',
  'contactBy',
  'deliverBy',
] as const;

export const listWorkOrdersQuerySchema = z.strictObject({
  view: z.enum(['active', 'completed', 'all']).default('active'),
  status: z
    .union([z.enum(workOrderStatuses), z.array(z.enum(workOrderStatuses)).max(workOrderStatuses.length)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  sort: z.enum(workOrderSorts).default('orderedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageQuery,
});
export type ListWorkOrdersQuery = z.input<typeof listWorkOrdersQuerySchema>;

export const workOrderListSchema = z
  .object({ items: z.array(workOrderListItemSchema), total: z.number().int() })
  .meta({ id: 'WorkOrderList' });
export type WorkOrderList = z.infer<typeof workOrderListSchema>;

export const workOrderParams = z.object({ orgId: z.uuid(), id: z.uuid() });
