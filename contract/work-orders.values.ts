/**
 * The value lists of work orders, without Zod, so that the web can import them without pulling the
 * schema library into every page. work-orders.ts re-exports all of it.
 */
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

/** The columns the inbox can be sorted on. */
export const workOrderSorts = [
  'orderedAt',
  'number',
  'status',
  'priority',
  'type',
  'description',
  'propertyName',
  'ownerName',
  'street',
  'reporterName',
  'contractorContact',
  'client',
  'contractor',
  'contactBy',
  'deliverBy',
  'bookedAt',
  'plannedAt',
  'completedAt',
  'schedule',
] as const;
