/**
 * Who may do what with work orders: the roles table (organizations/roles.policy.ts) plus what depends
 * on the order — its status, the field, the side. Pure: takes the actor and,
 * where it matters, the order; returns yes or no. Visibility (which orders an actor can see at all)
 * is in the repository's access function, so an order out of reach is simply not found.
 */
import type { WorkOrderStatus } from '../../../contract/work-orders.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { can } from '../organizations/roles.policy.ts';
import { nextStatuses, type Side } from './work-orders.status.ts';

export function sideOf(actor: Pick<Actor, 'orgKind'>): Side | null {
  if (actor.orgKind === 'client') return 'client';
  if (actor.orgKind === 'contractor') return 'contractor';
  return null;
}

/** Support users see support tickets only; partners and operators have no work orders. */
export function canReadWorkOrders(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return can(actor, 'work_orders.read');
}

export function canCreateWorkOrder(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return can(actor, 'work_orders.order');
}

/** Contractors register orders themselves (Registrera arbetsorder): anyone but support. */
export function canRegisterWorkOrder(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return can(actor, 'work_orders.register');
}

export const contractorFields = [
  'contractorContactId',
  'bookedAt',
  'plannedAt',
  'model',
  'serialNumber',
] as const;
export const clientFields = [
  'type',
  'priority',
  'description',
  'phrase',
  'externalRef',
  'billable',
  'accessToApartment',
  'keyInfo',
  'entryWithoutTenant',
  'preferredTime',
  'reporter',
  'clientContact',
] as const;
export type EditableField = (typeof contractorFields)[number] | (typeof clientFields)[number];

/**
 * Whether the actor's role may ever change the field. The contractor's fields: assigning the
 * Entreprenörkontakt is for admins and managers; booked time, planned date, model and serial number
 * also for the technician doing the job. The client's fields: its admins and coordinators.
 */
export function canEditWorkOrderField(actor: Pick<Actor, 'orgKind' | 'role'>, field: EditableField): boolean {
  if (actor.orgKind === 'contractor') {
    if (!(contractorFields as readonly string[]).includes(field)) return false;
    if (can(actor, 'work_orders.handle')) return true;
    return can(actor, 'work_orders.work_assigned') && field !== 'contractorContactId';
  }
  if (actor.orgKind === 'client') {
    return (clientFields as readonly string[]).includes(field) && can(actor, 'work_orders.order');
  }
  return false;
}

/** Whether the order's status still lets that side change its fields. */
export function fieldsOpen(side: 'client' | 'contractor', status: WorkOrderStatus): boolean {
  if (side === 'client') return status === 'draft' || status === 'new';
  return ['new', 'accepted', 'material_ordered', 'reporter_unreachable'].includes(status);
}

/** The fields the actor may change on this order now (for the order page). */
export function editableFields(
  actor: Pick<Actor, 'orgKind' | 'role'>,
  order: { status: WorkOrderStatus },
): EditableField[] {
  const side = sideOf(actor);
  if (!side || !fieldsOpen(side, order.status)) return [];
  const all: EditableField[] = side === 'client' ? [...clientFields] : [...contractorFields];
  return all.filter((f) => canEditWorkOrderField(actor, f));
}

/** A client sends a draft, or a declined order again to another contractor. */
export function canDispatch(
  actor: Pick<Actor, 'orgKind' | 'role'>,
  order: { status: WorkOrderStatus },
): boolean {
  return canCreateWorkOrder(actor) && (order.status === 'draft' || order.status === 'declined');
}

/** Moves a technician may make on an order assigned to them: progress and completion, not accept or decline. */
const TECHNICIAN_TARGETS: readonly WorkOrderStatus[] = [
  'accepted',
  'material_ordered',
  'reporter_unreachable',
  'done',
];

export function canTransitionTo(
  actor: Pick<Actor, 'orgKind' | 'role'>,
  order: { status: WorkOrderStatus },
  to: WorkOrderStatus,
): boolean {
  const side = sideOf(actor);
  if (!side) return false;
  if (side === 'client') return can(actor, 'work_orders.order');
  if (can(actor, 'work_orders.handle')) return true;
  // A technician moves an order on once it is accepted, and never accepts or declines it.
  return can(actor, 'work_orders.work_assigned') && TECHNICIAN_TARGETS.includes(to) && order.status !== 'new';
}

/** What the actor may move this order to now: the machine's moves for their side, filtered by role. */
export function allowedTransitions(
  actor: Pick<Actor, 'orgKind' | 'role'>,
  order: { status: WorkOrderStatus },
): WorkOrderStatus[] {
  const side = sideOf(actor);
  if (!side) return [];
  return nextStatuses(order.status, side).filter((to) => canTransitionTo(actor, order, to));
}
