/** How orders are shown through the API: rows in, contract shapes out. Pure. */
import { defaultFaultTypes, defaultPhrases, defaultRootCauses } from '../../../contract/agreements.values.ts';
import type {
  CloseOut,
  WorkOrder,
  WorkOrderEvent,
  WorkOrderListItem,
} from '../../../contract/work-orders.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { can } from '../organizations/roles.policy.ts';
import { invoiceReference } from './work-orders.invoice.ts';
import { allowedTransitions, canDispatch, editableFields } from './work-orders.policy.ts';
import type { findWorkOrder, listBundle, listEvents, WorkOrderListRow } from './work-orders.repository.ts';
import { lastVisibleDay } from './work-orders.window.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** security.md 19: technicians get no invoicing details. */
export function seesInvoicing(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return can(actor, 'invoicing.read');
}

export function toListItem(row: WorkOrderListRow, actor: Actor): WorkOrderListItem {
  return {
    id: row.id,
    number: row.number,
    externalRef: row.externalRef,
    status: row.status,
    type: row.type,
    priority: row.priority,
    description: row.description,
    propertyName: row.propertyName,
    ownerName: row.ownerName,
    street: row.street,
    city: row.city,
    objectNumber: row.objectNumber,
    bundleNumber: row.bundleNumber,
    client: { id: row.clientId, name: row.clientName },
    contractor: row.contractorId ? { id: row.contractorId, name: row.contractorName ?? '' } : null,
    contractorContact: row.contactId ? { id: row.contactId, name: row.contactName ?? '' } : null,
    reporterName: row.reporterName,
    orderedAt: iso(row.orderedAt),
    contactBy: row.contactBy,
    deliverBy: row.deliverBy,
    bookedAt: iso(row.bookedAt),
    plannedAt: row.plannedAt,
    completedAt: iso(row.completedAt),
    contactOverdue: Boolean(row.contactOverdue),
    deliveryOverdue: Boolean(row.deliveryOverdue),
    registeredByContractor: row.registeredByOrgId !== null && row.registeredByOrgId === row.contractorId,
    invoiceReference:
      seesInvoicing(actor) && row.billable
        ? invoiceReference(row.invoiceReferenceTemplate, row.number)
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}

type Found = NonNullable<Awaited<ReturnType<typeof findWorkOrder>>>;
type EventRow = Awaited<ReturnType<typeof listEvents>>[number];
type BundleRow = Awaited<ReturnType<typeof listBundle>>[number];

export function closeOutOf(found: Pick<Found, 'agreement' | 'order'>): CloseOut {
  const a = found.agreement;
  return {
    faultTypes: a?.faultTypes ?? [...defaultFaultTypes],
    rootCauses: a?.rootCauses ?? [...defaultRootCauses],
    requireFaultType: a?.requireFaultType ?? false,
    requireRootCause: a?.requireRootCause ?? false,
    requireModelAndSerial: found.order.unitIsAppliance,
  };
}

/** An event's details, less what is for the log only (e.g. an SMTP server's error text). */
function publicData(data: unknown): Record<string, unknown> | null {
  if (!data || typeof data !== 'object') return null;
  const { error: _error, ...rest } = data as Record<string, unknown>;
  return rest;
}

export function toEvent(e: EventRow): WorkOrderEvent {
  return {
    id: e.id,
    type: e.type,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    visibility: e.visibility,
    data: publicData(e.data),
    actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
    actorOrg: e.actorOrgId ? { id: e.actorOrgId, name: e.actorOrgName ?? '' } : null,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toWorkOrder(args: {
  found: Found;
  events: EventRow[];
  bundle: BundleRow[];
  actor: Actor;
}): WorkOrder {
  const { found, events, bundle, actor } = args;
  const o = found.order;
  const invoicing = seesInvoicing(actor) && o.billable;
  return {
    id: o.id,
    number: o.number,
    externalRef: o.externalRef,
    status: o.status,
    type: o.type,
    priority: o.priority,
    description: o.description,
    phrase: o.phrase,
    billable: o.billable,
    propertyName: o.propertyName,
    ownerName: o.ownerName,
    street: o.street,
    postalCode: o.postalCode,
    city: o.city,
    objectNumber: o.objectNumber,
    objectType: o.objectType,
    floor: o.floor,
    room: o.room,
    unit: o.unit,
    unitType: o.unitType,
    unitIsAppliance: o.unitIsAppliance,
    unitInstalledOn: o.unitInstalledOn,
    unitLastMaintenanceOn: o.unitLastMaintenanceOn,
    accessToApartment: o.accessToApartment,
    keyInfo: o.keyInfo,
    entryWithoutTenant: o.entryWithoutTenant,
    preferredTime: o.preferredTime,
    reporterName: o.reporterName,
    reporter: {
      name: o.reporterName,
      phones: o.reporterPhones,
      email: o.reporterEmail,
      moveInOn: o.reporterMoveInOn,
    },
    client: { id: o.clientOrgId, name: found.clientName },
    contractor: o.contractorOrgId ? { id: o.contractorOrgId, name: found.contractorName ?? '' } : null,
    contractorContact: o.contractorContactUserId
      ? { id: o.contractorContactUserId, name: found.contactName ?? '' }
      : null,
    orderedBy: o.orderedByUserId ? { id: o.orderedByUserId, name: found.ordererName ?? '' } : null,
    clientContact: o.clientContactName
      ? { name: o.clientContactName, email: o.clientContactEmail, phone: o.clientContactPhone }
      : null,
    invoice: invoicing
      ? {
          reference: invoiceReference(found.agreement?.invoiceReferenceTemplate, o.number),
          marking: found.agreement?.invoiceMarking ?? null,
          projectNumber: found.agreement?.projectNumber ?? null,
          address: found.agreement?.invoiceAddress ?? null,
        }
      : null,
    invoiceReference: invoicing
      ? invoiceReference(found.agreement?.invoiceReferenceTemplate, o.number)
      : null,
    bundleNumber: o.bundleNumber,
    bundle: o.bundleNumber ? { number: o.bundleNumber, orders: bundle } : null,
    closeOut: closeOutOf(found),
    phrases: found.agreement?.phrases ?? [...defaultPhrases],
    orderedAt: iso(o.orderedAt),
    contactBy: o.contactBy,
    deliverBy: o.deliverBy,
    bookedAt: iso(o.bookedAt),
    plannedAt: o.plannedAt,
    completedAt: iso(o.completedAt),
    contactOverdue: Boolean(found.contactOverdue),
    deliveryOverdue: Boolean(found.deliveryOverdue),
    registeredByContractor: o.registeredByOrgId !== null && o.registeredByOrgId === o.contractorOrgId,
    visibleToContractorUntil:
      o.closedAt && o.contractorOrgId
        ? lastVisibleDay(o.closedAt, found.agreement?.completedVisibleDays)
        : null,
    actionDescription: o.actionDescription,
    faultType: o.faultType,
    rootCause: o.rootCause,
    model: o.model,
    serialNumber: o.serialNumber,
    createdAt: o.createdAt.toISOString(),
    version: o.version,
    canDispatch: canDispatch(actor, o),
    editableFields: editableFields(actor, o),
    allowedTransitions: allowedTransitions(actor, o),
    events: events.map(toEvent),
  };
}
