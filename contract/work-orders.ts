import { z } from 'zod';
import { isoDate, isoDateTime, pageQuery, ref } from './common.ts';
import {
  phoneKinds,
  priorities,
  workOrderSorts,
  workOrderStatuses,
  workOrderTypes,
} from './work-orders.values.ts';

export * from './work-orders.values.ts';

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
  moveInOn: isoDate.optional().describe('Inflyttning'),
});

export const clientContactSchema = z.strictObject({
  name: requiredText(200),
  email: z.email().max(254).optional(),
  phone: text(30).optional(),
});

export const createWorkOrderBodySchema = z
  .strictObject({
    type: z.enum(workOrderTypes),
    priority: z.enum(priorities),
    description: requiredText(4000),
    phrase: text(200).optional(),
    billable: z.boolean().optional().describe('Defaults to false for warranty, true otherwise'),
    externalRef: text(100).optional(),
    propertyId: z
      .uuid()
      .optional()
      .describe(
        "A property of the client's register, for an order on its common areas (no object): name, owner and address are filled from it",
      ),
    objectId: z
      .uuid()
      .optional()
      .describe(
        "An object of the client's register: place, access and tenant are filled from it where not given",
      ),
    roomId: z.uuid().optional().describe('A room of that object'),
    unitId: z.uuid().optional().describe('A unit in that room'),
    tenantId: z
      .uuid()
      .optional()
      .describe("The reporter, from the object's tenants (default: its current tenant)"),
    propertyName: requiredText(200)
      .optional()
      .describe('Fastighet, e.g. "Solna Rosenborg 3"; required without objectId'),
    ownerName: text(200).optional().describe('Företag on the address, e.g. "Brf Vågen"'),
    street: requiredText(200).optional().describe('Required without objectId'),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3} ?\d{2}$/, 'five digits, e.g. 123 45')
      .optional(),
    city: text(100).optional(),
    objectNumber: text(50).optional(),
    objectType: text(100).optional().describe('Objekttyp, e.g. "3 rum och kök"'),
    floor: text(100).optional().describe('Våning, e.g. "0 av 2 (ej hiss)"'),
    room: text(100).optional().describe('Utrymme with its code, e.g. "Kök (076506)"'),
    unit: text(100).optional().describe('Enhet / Anläggning, e.g. "Diskbänk"'),
    unitType: text(100).optional().describe('Anläggningstyp, e.g. "Fönster"'),
    unitIsAppliance: z
      .boolean()
      .optional()
      .describe('Vitvara: model and serial number are required to complete'),
    unitInstalledOn: isoDate.optional().describe('Installerad'),
    unitLastMaintenanceOn: isoDate.optional().describe('Utfört underhåll'),
    model: text(200).optional().describe('Egenskaper (model designation)'),
    serialNumber: text(100).optional(),
    accessToApartment: text(500).optional(),
    keyInfo: text(500).optional(),
    entryWithoutTenant: z.boolean().optional(),
    preferredTime: text(200).optional(),
    reporter: reporterSchema.optional().describe('Required unless the object has a tenant'),
    clientContact: clientContactSchema.optional().describe("The client's contact person for this order"),
    clientOrgId: z
      .uuid()
      .optional()
      .describe('Only for a contractor registering an order: the client it is for (a client may not set it)'),
    contractorOrgId: z.uuid().optional().describe('Required when a client dispatches'),
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
    objectNumber: z.string().nullable(),
    bundleNumber: z
      .string()
      .nullable()
      .describe('Buntnummer: {object number}-{YYYYMMDD} of the dispatch day'),
    orderedAt: isoDateTime.nullable(),
    contactBy: isoDate.nullable().describe('Förväntad kontaktdag senast'),
    deliverBy: isoDate.nullable().describe('Förväntad leveransdag senast'),
    bookedAt: isoDateTime.nullable().describe('Bokat tid med anmälare'),
    plannedAt: isoDate.nullable().describe('Planerad'),
    completedAt: isoDateTime.nullable(),
    contactOverdue: z
      .boolean()
      .describe('Past contact-by with no time booked and no contact attempt recorded'),
    deliveryOverdue: z.boolean().describe('Past deliver-by and not done'),
    registeredByContractor: z
      .boolean()
      .describe('Registered by the contractor itself (e.g. on an inspection round)'),
    invoiceReference: z
      .string()
      .nullable()
      .describe(
        "Referensnummer for the invoice, from the client's template (default AO{number}); hidden from technicians",
      ),
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
    data: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('Details by type, e.g. for `updated`: { changes: { field: { from, to } } }'),
    actor: ref.nullable(),
    actorOrg: ref.nullable(),
    visibility: z.enum(['internal', 'shared', 'tenant']),
    createdAt: isoDateTime,
  })
  .meta({ id: 'WorkOrderEvent' });
export type WorkOrderEvent = z.infer<typeof workOrderEventSchema>;

export const closeOutSchema = z
  .object({
    faultTypes: z.array(z.string()).describe("The client's list of fault types (Feltyp)"),
    rootCauses: z.array(z.string()).describe("The client's list of root causes (Rotorsak)"),
    requireFaultType: z.boolean(),
    requireRootCause: z.boolean(),
    requireModelAndSerial: z.boolean().describe('The unit is an appliance'),
  })
  .meta({ id: 'CloseOut' });
export type CloseOut = z.infer<typeof closeOutSchema>;

export const workOrderSchema = workOrderListItemSchema
  .extend({
    phrase: z.string().nullable(),
    billable: z.boolean(),
    postalCode: z.string().nullable(),
    objectType: z.string().nullable(),
    floor: z.string().nullable(),
    room: z.string().nullable(),
    unit: z.string().nullable(),
    unitType: z.string().nullable(),
    unitIsAppliance: z.boolean(),
    unitInstalledOn: isoDate.nullable(),
    unitLastMaintenanceOn: isoDate.nullable(),
    accessToApartment: z.string().nullable(),
    keyInfo: z.string().nullable(),
    entryWithoutTenant: z.boolean().nullable(),
    preferredTime: z.string().nullable(),
    reporter: z.object({
      name: z.string(),
      phones: z.array(z.object({ kind: z.enum(phoneKinds), number: z.string(), preferred: z.boolean() })),
      email: z.string().nullable(),
      moveInOn: isoDate.nullable(),
    }),
    orderedBy: ref.nullable(),
    clientContact: z
      .object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
      .nullable(),
    invoice: z
      .object({
        reference: z.string(),
        marking: z.string().nullable().describe('Fakturamärkning'),
        projectNumber: z.string().nullable().describe('P/F-nummer'),
        address: z.string().nullable().describe('Fakturaadress or invoicing URL'),
      })
      .nullable()
      .describe('Invoice information from the agreement; null for technicians and unbillable orders'),
    bundle: z
      .object({
        number: z.string(),
        orders: z.array(
          z.object({ id: z.uuid(), number: z.number().int(), status: z.enum(workOrderStatuses) }),
        ),
      })
      .nullable()
      .describe('The bundle and its other orders that the caller can see'),
    closeOut: closeOutSchema,
    phrases: z
      .array(z.string())
      .describe(
        "The client's ready phrases for notes (Fras), from the agreement; the default list without one",
      ),
    visibleToContractorUntil: isoDate
      .nullable()
      .describe(
        "For a closed order: the last day the contractor still sees it (the client's window, counted from closing)",
      ),
    actionDescription: z.string().nullable(),
    faultType: z.string().nullable(),
    rootCause: z.string().nullable(),
    model: z.string().nullable(),
    serialNumber: z.string().nullable(),
    version: z.number().int(),
    canDispatch: z.boolean().describe('The caller may send this draft or declined order to a contractor'),
    editableFields: z.array(z.string()).describe('The fields the caller may change with PATCH now'),
    allowedTransitions: z
      .array(z.enum(workOrderStatuses))
      .describe('The statuses the caller may move this order to now'),
    events: z.array(workOrderEventSchema),
  })
  .meta({ id: 'WorkOrder' });
export type WorkOrder = z.infer<typeof workOrderSchema>;

const oneOrMany = <T extends z.ZodType>(item: T, max: number) =>
  z
    .union([item, z.array(item).max(max)])
    .optional()
    .transform(
      (v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]) as z.output<T>[] | undefined,
    );

export const listWorkOrdersQuerySchema = z.strictObject({
  view: z.enum(['active', 'completed', 'all']).default('active'),
  status: oneOrMany(z.enum(workOrderStatuses), workOrderStatuses.length),
  type: oneOrMany(z.enum(workOrderTypes), workOrderTypes.length),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe(
      'Search: number and reference prefixes, and words in description, phrase, address, property, owner and reporter',
    ),
  clientOrgId: z.uuid().optional().describe('Only orders from this client'),
  contractorOrgId: z.uuid().optional().describe('Only orders to this contractor'),
  bundle: z.string().trim().max(80).optional().describe('Only orders in this bundle'),
  propertyId: z.uuid().optional().describe('Only orders on this property of the register'),
  overdue: z
    .enum(['contact', 'delivery', 'any'])
    .optional()
    .describe('Only orders past contact-by and/or deliver-by'),
  sort: z
    .enum(workOrderSorts)
    .default('orderedAt')
    .describe('schedule = booked time, else planned date, soonest first (the technician view)'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageQuery,
});
export type ListWorkOrdersQuery = z.input<typeof listWorkOrdersQuerySchema>;

export const dashboardQuerySchema = listWorkOrdersQuerySchema
  .pick({ clientOrgId: true, contractorOrgId: true, propertyId: true, overdue: true })
  .strict();
export type DashboardQuery = z.input<typeof dashboardQuerySchema>;

export const workOrderListSchema = z
  .object({ items: z.array(workOrderListItemSchema), total: z.number().int() })
  .meta({ id: 'WorkOrderList' });
export type WorkOrderList = z.infer<typeof workOrderListSchema>;

export const workOrderParams = z.object({ orgId: z.uuid(), id: z.uuid() });

export const updateWorkOrderBodySchema = z
  .strictObject({
    contractorContactId: z
      .uuid()
      .nullable()
      .optional()
      .describe('Entreprenörkontakt: a member of the contractor'),
    bookedAt: isoDateTime.nullable().optional().describe('Bokat tid med anmälare'),
    plannedAt: isoDate.nullable().optional().describe('Planerad'),
    model: text(200).nullable().optional().describe('Egenskaper'),
    serialNumber: text(100).nullable().optional(),
    // The client's fields, editable while the order is a draft or not yet accepted.
    type: z.enum(workOrderTypes).optional(),
    priority: z.enum(priorities).optional(),
    description: requiredText(4000).optional(),
    phrase: text(200).nullable().optional(),
    externalRef: text(100).nullable().optional(),
    billable: z.boolean().optional(),
    accessToApartment: text(500).nullable().optional(),
    keyInfo: text(500).nullable().optional(),
    entryWithoutTenant: z.boolean().nullable().optional(),
    preferredTime: text(200).nullable().optional(),
    reporter: reporterSchema.optional(),
    clientContact: clientContactSchema.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')
  .meta({ id: 'UpdateWorkOrder' });

export const dispatchBodySchema = z
  .strictObject({ contractorOrgId: z.uuid().describe('The contractor to send the order to') })
  .meta({ id: 'DispatchWorkOrder' });

export const bulkTransitionBodySchema = z
  .strictObject({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, 'no duplicates'),
    to: z.enum(['invoiced']).describe('Only marking done orders as invoiced is done in bulk'),
  })
  .meta({ id: 'BulkTransition' });

export const bulkTransitionResultSchema = z
  .object({
    items: z.array(z.object({ id: z.uuid(), number: z.number().int(), status: z.enum(workOrderStatuses) })),
  })
  .meta({ id: 'BulkTransitionResult' });
export type UpdateWorkOrderBody = z.infer<typeof updateWorkOrderBodySchema>;

export const dashboardRowSchema = z.object({
  status: z.enum(workOrderStatuses),
  counts: z.record(z.enum(workOrderTypes), z.number().int()),
  total: z.number().int(),
});

export const dashboardTableSchema = z
  .object({
    rows: z.array(dashboardRowSchema),
    totals: z.object({ counts: z.record(z.enum(workOrderTypes), z.number().int()), total: z.number().int() }),
  })
  .meta({ id: 'DashboardTable' });
export type DashboardTable = z.infer<typeof dashboardTableSchema>;

export const dashboardSchema = z
  .object({
    types: z.array(z.enum(workOrderTypes)).describe('The column order'),
    all: dashboardTableSchema.describe('The whole company'),
    byCounterpart: z
      .array(z.object({ org: ref, table: dashboardTableSchema }))
      .describe('Per client (for a contractor) or per contractor (for a client)'),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof dashboardSchema>;

export const bundleParams = z.object({ orgId: z.uuid(), bundle: z.string().trim().min(1).max(80) });
export const bundleAcceptResultSchema = z
  .object({ accepted: z.array(z.object({ id: z.uuid(), number: z.number().int() })) })
  .meta({ id: 'BundleAcceptResult' });
