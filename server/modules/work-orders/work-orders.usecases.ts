import type { z } from 'zod';
import {
  activeStatuses,
  type createWorkOrderBodySchema,
  type listWorkOrdersQuerySchema,
  type TransitionBody,
  type WorkOrder,
  type WorkOrderList,
  type WorkOrderListItem,
  type WorkOrderStatus,
  workOrderStatuses,
} from '../../../contract/work-orders.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import { once } from '../../platform/idempotency/idempotency.ts';
import { enqueueMail, type MailFailureListener } from '../../platform/mail/mail.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import {
  findOrganization,
  hasAgreement,
  listMembersWithRoles,
} from '../organizations/organizations.repository.ts';
import { newWorkOrderMail } from './work-orders.mail.ts';
import {
  allowedTransitions,
  canCreateWorkOrder,
  canReadWorkOrders,
  canTransitionTo,
  sideOf,
} from './work-orders.policy.ts';
import {
  findWorkOrder,
  insertEvent,
  insertWorkOrder,
  listEvents,
  listWorkOrders as listWorkOrderRows,
  lockWorkOrder,
  nextWorkOrderNumber,
  updateWorkOrder,
} from './work-orders.repository.ts';
import { decideTransition, findRule } from './work-orders.status.ts';
import type { WorkOrderRow } from './work-orders.table.ts';

export type WorkOrderDeps = { db: Database; clock: Clock; publicUrl: string };

export const invalidTransition = defineProblem({
  status: 409,
  code: 'work_orders.invalid_transition',
  title: {
    sv: 'Arbetsordern kan inte få den statusen från den status den har nu',
    en: 'The work order cannot move to that status from its current one',
  },
});

export const notPermitted = defineProblem({
  status: 403,
  code: 'work_orders.not_permitted',
  title: {
    sv: 'Din roll får inte göra detta med arbetsordern',
    en: 'Your role may not do this with the work order',
  },
});

const COMPLETED: WorkOrderStatus[] = ['done', 'declined', 'invoiced', 'cancelled'];

function statusesForView(actor: Actor, view: 'active' | 'completed' | 'all'): WorkOrderStatus[] {
  if (view === 'completed') return COMPLETED;
  if (view === 'all') return [...workOrderStatuses];
  // The client's own drafts are work in hand, so they belong with the active orders.
  return actor.orgKind === 'client' ? ['draft', ...activeStatuses] : [...activeStatuses];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type ListRow = Awaited<ReturnType<typeof listWorkOrderRows>>['rows'][number];

function toListItem(row: ListRow): WorkOrderListItem {
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
    client: { id: row.clientId, name: row.clientName },
    contractor: row.contractorId ? { id: row.contractorId, name: row.contractorName ?? '' } : null,
    contractorContact: row.contactId ? { id: row.contactId, name: row.contactName ?? '' } : null,
    reporterName: row.reporterName,
    orderedAt: iso(row.orderedAt),
    contactBy: row.contactBy,
    deliverBy: row.deliverBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listWorkOrders(
  deps: WorkOrderDeps,
  args: { actor: Actor; query: z.output<typeof listWorkOrdersQuerySchema> },
): Promise<WorkOrderList> {
  const { actor, query } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const inView = statusesForView(actor, query.view);
  const statuses = query.status ? inView.filter((s) => query.status!.includes(s)) : inView;
  if (statuses.length === 0) return { items: [], total: 0 };
  const { rows, total } = await listWorkOrderRows(deps.db, actor, {
    statuses,
    sort: query.sort,
    order: query.order,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(toListItem), total };
}

export async function getWorkOrder(
  deps: Pick<WorkOrderDeps, 'db'>,
  args: { actor: Actor; id: string; db?: Tx },
): Promise<WorkOrder> {
  const { actor, id } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const db = args.db ?? deps.db;
  const found = await findWorkOrder(db, actor, id);
  if (!found) throw problems.notFound();
  // Internal notes are the contractor's own; the client sees only what is shared.
  const visibilities: ('internal' | 'shared' | 'tenant')[] =
    actor.orgKind === 'contractor' ? ['internal', 'shared', 'tenant'] : ['shared', 'tenant'];
  const events = await listEvents(db, id, visibilities);
  const o = found.order;
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
    room: o.room,
    unit: o.unit,
    accessToApartment: o.accessToApartment,
    keyInfo: o.keyInfo,
    entryWithoutTenant: o.entryWithoutTenant,
    preferredTime: o.preferredTime,
    reporterName: o.reporterName,
    reporter: { name: o.reporterName, phones: o.reporterPhones, email: o.reporterEmail },
    client: { id: o.clientOrgId, name: found.clientName },
    contractor: o.contractorOrgId ? { id: o.contractorOrgId, name: found.contractorName ?? '' } : null,
    contractorContact: o.contractorContactUserId
      ? { id: o.contractorContactUserId, name: found.contactName ?? '' }
      : null,
    orderedBy: o.orderedByUserId ? { id: o.orderedByUserId, name: found.ordererName ?? '' } : null,
    orderedAt: iso(o.orderedAt),
    contactBy: o.contactBy,
    deliverBy: o.deliverBy,
    bookedAt: iso(o.bookedAt),
    plannedAt: o.plannedAt,
    completedAt: iso(o.completedAt),
    actionDescription: o.actionDescription,
    faultType: o.faultType,
    rootCause: o.rootCause,
    model: o.model,
    serialNumber: o.serialNumber,
    createdAt: o.createdAt.toISOString(),
    version: o.version,
    allowedTransitions: allowedTransitions(actor, o),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      visibility: e.visibility,
      actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
      actorOrg: e.actorOrgId ? { id: e.actorOrgId, name: e.actorOrgName ?? '' } : null,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

/** Creates an order and, unless it is kept as a draft, sends it to the contractor: one transaction. */
export async function createWorkOrder(
  deps: WorkOrderDeps,
  args: { actor: Actor; input: z.output<typeof createWorkOrderBodySchema>; idempotencyKey?: string },
): Promise<{ status: number; workOrder: WorkOrder }> {
  const { actor, input } = args;
  if (!canCreateWorkOrder(actor)) throw notPermitted();

  const result = await deps.db.transaction(async (tx) =>
    once<WorkOrder>({
      tx,
      clock: deps.clock,
      scope: { userId: actor.userId, orgId: actor.orgId },
      key: args.idempotencyKey,
      body: input,
      run: async () => ({ status: 201, body: await insertAndDispatch(deps, tx, actor, input) }),
    }),
  );
  return { status: result.status, workOrder: result.body };
}

async function insertAndDispatch(
  deps: WorkOrderDeps,
  tx: Tx,
  actor: Actor,
  input: z.output<typeof createWorkOrderBodySchema>,
): Promise<WorkOrder> {
  if (input.dispatch) {
    if (!input.contractorOrgId) {
      throw problems.validation({
        errors: [
          {
            field: 'contractorOrgId',
            code: 'required',
            message: { sv: 'Välj entreprenör', en: 'Choose a contractor' },
          },
        ],
      });
    }
    // An unlinked contractor answers exactly like a non-existent one: nothing is revealed.
    if (!(await hasAgreement(tx, { clientOrgId: actor.orgId, contractorOrgId: input.contractorOrgId }))) {
      throw problems.validation({
        errors: [
          {
            field: 'contractorOrgId',
            code: 'unknown_contractor',
            message: { sv: 'Okänd entreprenör', en: 'Unknown contractor' },
          },
        ],
      });
    }
  }
  const now = deps.clock.now();
  const number = await nextWorkOrderNumber(tx, actor.orgId);
  const phones = input.reporter.phones.map((p, i) => ({
    kind: p.kind,
    number: p.number,
    // With no number marked, the first one is the one to call.
    preferred: input.reporter.phones.some((q) => q.preferred) ? p.preferred : i === 0,
  }));
  const status: WorkOrderStatus = input.dispatch ? 'new' : 'draft';
  const order = await insertWorkOrder(tx, {
    clientOrgId: actor.orgId,
    contractorOrgId: input.contractorOrgId ?? null,
    number,
    externalRef: input.externalRef || null,
    status,
    type: input.type,
    priority: input.priority,
    billable: input.billable ?? input.type !== 'warranty',
    description: input.description,
    phrase: input.phrase || null,
    propertyName: input.propertyName,
    ownerName: input.ownerName || null,
    street: input.street,
    postalCode: input.postalCode || null,
    city: input.city || null,
    objectNumber: input.objectNumber || null,
    room: input.room || null,
    unit: input.unit || null,
    accessToApartment: input.accessToApartment || null,
    keyInfo: input.keyInfo || null,
    entryWithoutTenant: input.entryWithoutTenant ?? null,
    preferredTime: input.preferredTime || null,
    reporterName: input.reporter.name,
    reporterPhones: phones,
    reporterEmail: input.reporter.email || null,
    orderedByUserId: actor.userId,
    orderedAt: input.dispatch ? now : null,
    createdByUserId: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await insertEvent(tx, {
    workOrderId: order.id,
    type: 'created',
    toStatus: status,
    visibility: 'shared',
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    data: input.contractorOrgId ? { contractorOrgId: input.contractorOrgId } : null,
    createdAt: now,
  });
  if (input.dispatch) await queueNewOrderMails(deps, tx, order);
  return getWorkOrder(deps, { actor, id: order.id, db: tx });
}

async function queueNewOrderMails(deps: WorkOrderDeps, tx: Tx, order: WorkOrderRow) {
  const client = await findOrganization(tx, order.clientOrgId);
  const recipients = await listMembersWithRoles(tx, {
    orgId: order.contractorOrgId!,
    roles: ['admin', 'manager'],
  });
  for (const recipient of recipients) {
    await enqueueMail(tx, deps.clock, {
      message: newWorkOrderMail({
        order,
        clientName: client?.name ?? '',
        recipient,
        publicUrl: deps.publicUrl,
      }),
      context: { workOrderId: order.id, orgId: order.clientOrgId },
    });
  }
}

export function parseIfMatch(header: string | undefined): number | undefined | 'invalid' {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return m ? Number(m[1]) : 'invalid';
}

/**
 * Moves an order to another status. The row is locked first, so two people acting at once get one
 * winner and one clear refusal, never a lost update. If-Match is checked when sent (412 when stale).
 */
export async function transitionWorkOrder(
  deps: WorkOrderDeps,
  args: { actor: Actor; id: string; input: TransitionBody; ifMatch?: number },
): Promise<WorkOrder> {
  const { actor, id, input } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const side = sideOf(actor)!;
  return deps.db.transaction(async (tx) => {
    const order = await lockWorkOrder(tx, actor, id);
    if (!order) throw problems.notFound();
    if (args.ifMatch !== undefined && args.ifMatch !== order.version) throw problems.preconditionFailed();
    if (!findRule(order.status, input.to, side)) {
      throw invalidTransition({ detail: `${order.status} → ${input.to}` });
    }
    if (!canTransitionTo(actor, order, input.to)) throw notPermitted();
    const decision = decideTransition({ from: order.status, to: input.to, side, input });
    if (!decision.ok) {
      if (decision.error === 'not_allowed')
        throw invalidTransition({ detail: `${order.status} → ${input.to}` });
      throw problems.validation({
        errors: decision.fields.map((field) => ({
          field,
          code: 'required',
          message:
            field === 'reason'
              ? { sv: 'Ange en anledning', en: 'Give a reason' }
              : { sv: 'Obligatoriskt fält', en: 'Required' },
        })),
      });
    }
    const now = deps.clock.now();
    await updateWorkOrder(tx, order.id, {
      status: input.to,
      updatedAt: now,
      ...(decision.completes
        ? {
            completedAt: now,
            actionDescription: input.actionDescription ?? null,
            faultType: input.faultType || null,
            rootCause: input.rootCause || null,
            model: input.model || order.model,
            serialNumber: input.serialNumber || order.serialNumber,
          }
        : {}),
      ...(decision.reopens ? { completedAt: null } : {}),
    });
    await insertEvent(tx, {
      workOrderId: order.id,
      type: 'status_changed',
      fromStatus: order.status,
      toStatus: input.to,
      reason: input.reason || null,
      visibility: 'shared',
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      createdAt: now,
    });
    return getWorkOrder(deps, { actor, id, db: tx });
  });
}

/** A mail about an order that could not be delivered shows on the order, with the address. */
export const undeliveredMailRecorder =
  (clock: Clock): MailFailureListener =>
  async ({ tx, payload, error }) => {
    const workOrderId = payload.context?.workOrderId;
    if (!workOrderId) return;
    await insertEvent(tx, {
      workOrderId,
      type: 'mail_failed',
      reason: payload.message.to.join(', '),
      visibility: 'shared',
      data: { subject: payload.message.subject, error: error.slice(0, 500) },
      createdAt: clock.now(),
    });
  };
