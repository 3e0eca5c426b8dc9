/** Changing work orders. Each command is one transaction: the change, its events and its mail. */
import type { z } from 'zod';
import type {
  createWorkOrderBodySchema,
  TransitionBody,
  UpdateWorkOrderBody,
  WorkOrder,
  WorkOrderStatus,
} from '../../../contract/work-orders.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db.ts';
import { defineProblem, type FieldErrorInput, problems } from '../../platform/errors.ts';
import { once } from '../../platform/idempotency/idempotency.ts';
import { enqueueMail, type MailFailureListener } from '../../platform/mail/mail.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import {
  findAgreement,
  findMembership,
  findOrganization,
  hasAgreement,
  listMembersWithRoles,
} from '../organizations/organizations.repository.ts';
import { bundleNumberFor } from './work-orders.bundle.ts';
import { newWorkOrderMail } from './work-orders.mail.ts';
import {
  canCreateWorkOrder,
  canEditWorkOrderField,
  canReadWorkOrders,
  canRegisterWorkOrder,
  canTransitionTo,
  sideOf,
} from './work-orders.policy.ts';
import {
  insertEvent,
  insertWorkOrder,
  lockBundle,
  lockWorkOrder,
  nextWorkOrderNumber,
  updateWorkOrder,
} from './work-orders.repository.ts';
import { decideTransition, findRule, isActive } from './work-orders.status.ts';
import type { WorkOrderRow } from './work-orders.table.ts';
import { getWorkOrder, notPermitted, scopeOf, type WorkOrderDeps } from './work-orders.usecases.ts';
import { closeOutOf } from './work-orders.view.ts';

export const invalidTransition = defineProblem({
  status: 409,
  code: 'work_orders.invalid_transition',
  title: {
    sv: 'Arbetsordern kan inte få den statusen från den status den har nu',
    en: 'The work order cannot move to that status from its current one',
  },
});

export const orderClosed = defineProblem({
  status: 409,
  code: 'work_orders.closed',
  title: {
    sv: 'Arbetsordern är avslutad och kan inte ändras',
    en: 'The work order is closed and cannot be changed',
  },
});

const field = (name: string, code: string, sv: string, en: string): FieldErrorInput => ({
  field: name,
  code,
  message: { sv, en },
});

type CreateInput = z.output<typeof createWorkOrderBodySchema>;

/**
 * Registers an order. A client creates it and, unless it is kept as a draft, sends it to a
 * contractor it has an agreement with. A contractor registers one for a client it has an
 * agreement with (Familjebostäder's "Registrera arbetsorder", e.g. a fault found on a round): it is
 * numbered in the client's series and starts out accepted by the contractor itself.
 */
export async function createWorkOrder(
  deps: WorkOrderDeps,
  args: { actor: Actor; input: CreateInput; idempotencyKey?: string | undefined },
): Promise<{ status: number; workOrder: WorkOrder }> {
  const { actor, input } = args;
  if (actor.orgKind === 'contractor' ? !canRegisterWorkOrder(actor) : !canCreateWorkOrder(actor)) {
    throw notPermitted();
  }
  const result = await deps.db.transaction(async (tx) =>
    once<WorkOrder>({
      tx,
      clock: deps.clock,
      scope: { userId: actor.userId, orgId: actor.orgId },
      key: args.idempotencyKey,
      body: input,
      run: async () => ({
        status: 201,
        body:
          actor.orgKind === 'contractor'
            ? await registerByContractor(deps, tx, actor, input)
            : await createByClient(deps, tx, actor, input),
      }),
    }),
  );
  return { status: result.status, workOrder: result.body };
}

function orderValues(input: CreateInput) {
  const phones = input.reporter.phones.map((p, i) => ({
    kind: p.kind,
    number: p.number,
    // With no number marked, the first one is the one to call.
    preferred: input.reporter.phones.some((q) => q.preferred) ? p.preferred : i === 0,
  }));
  return {
    externalRef: input.externalRef || null,
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
    objectType: input.objectType || null,
    floor: input.floor || null,
    room: input.room || null,
    unit: input.unit || null,
    unitType: input.unitType || null,
    unitIsAppliance: input.unitIsAppliance ?? false,
    unitInstalledOn: input.unitInstalledOn ?? null,
    unitLastMaintenanceOn: input.unitLastMaintenanceOn ?? null,
    model: input.model || null,
    serialNumber: input.serialNumber || null,
    accessToApartment: input.accessToApartment || null,
    keyInfo: input.keyInfo || null,
    entryWithoutTenant: input.entryWithoutTenant ?? null,
    preferredTime: input.preferredTime || null,
    reporterName: input.reporter.name,
    reporterPhones: phones,
    reporterEmail: input.reporter.email || null,
    reporterMoveInOn: input.reporter.moveInOn ?? null,
    clientContactName: input.clientContact?.name || null,
    clientContactEmail: input.clientContact?.email || null,
    clientContactPhone: input.clientContact?.phone || null,
  };
}

async function createByClient(
  deps: WorkOrderDeps,
  tx: Tx,
  actor: Actor,
  input: CreateInput,
): Promise<WorkOrder> {
  if (input.clientOrgId !== undefined) {
    throw problems.validation({
      errors: [field('clientOrgId', 'not_allowed', 'Får inte anges', 'May not be set')],
    });
  }
  if (input.dispatch) {
    if (!input.contractorOrgId) {
      throw problems.validation({
        errors: [field('contractorOrgId', 'required', 'Välj entreprenör', 'Choose a contractor')],
      });
    }
    // A contractor without an agreement answers exactly like a non-existent one: nothing is revealed.
    if (!(await hasAgreement(tx, { clientOrgId: actor.orgId, contractorOrgId: input.contractorOrgId }))) {
      throw problems.validation({
        errors: [field('contractorOrgId', 'unknown_contractor', 'Okänd entreprenör', 'Unknown contractor')],
      });
    }
  }
  const now = deps.clock.now();
  const status: WorkOrderStatus = input.dispatch ? 'new' : 'draft';
  const order = await insertWorkOrder(tx, {
    ...orderValues(input),
    clientOrgId: actor.orgId,
    contractorOrgId: input.contractorOrgId ?? null,
    number: await nextWorkOrderNumber(tx, actor.orgId),
    status,
    bundleNumber: input.dispatch ? bundleNumberFor(input.objectNumber, now) : null,
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

async function registerByContractor(
  deps: WorkOrderDeps,
  tx: Tx,
  actor: Actor,
  input: CreateInput,
): Promise<WorkOrder> {
  const errors: FieldErrorInput[] = [];
  if (!input.clientOrgId) errors.push(field('clientOrgId', 'required', 'Välj beställare', 'Choose a client'));
  if (input.contractorOrgId && input.contractorOrgId !== actor.orgId) {
    errors.push(field('contractorOrgId', 'not_allowed', 'Får inte anges', 'May not be set'));
  }
  if (input.dispatch === false)
    errors.push(field('dispatch', 'not_allowed', 'Får inte anges', 'May not be set'));
  if (errors.length) throw problems.validation({ errors });
  const clientOrgId = input.clientOrgId!;
  if (!(await hasAgreement(tx, { clientOrgId, contractorOrgId: actor.orgId }))) {
    throw problems.validation({
      errors: [field('clientOrgId', 'unknown_client', 'Okänd beställare', 'Unknown client')],
    });
  }
  const now = deps.clock.now();
  const order = await insertWorkOrder(tx, {
    ...orderValues(input),
    clientOrgId,
    contractorOrgId: actor.orgId,
    registeredByOrgId: actor.orgId,
    number: await nextWorkOrderNumber(tx, clientOrgId),
    status: 'accepted',
    bundleNumber: bundleNumberFor(input.objectNumber, now),
    // A technician who finds the fault is the one to fix it, unless a manager says otherwise.
    contractorContactUserId: actor.role === 'technician' ? actor.userId : null,
    orderedAt: now,
    createdByUserId: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await insertEvent(tx, {
    workOrderId: order.id,
    type: 'created',
    toStatus: 'accepted',
    visibility: 'shared',
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    data: { registeredByContractor: true },
    createdAt: now,
  });
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

/** Applies one decided move to a locked order and logs it. */
async function applyTransition(args: {
  tx: Tx;
  clock: Clock;
  actor: Actor;
  order: WorkOrderRow;
  input: TransitionBody;
}) {
  const { tx, clock, actor, order, input } = args;
  const side = sideOf(actor)!;
  if (!findRule(order.status, input.to, side))
    throw invalidTransition({ detail: `${order.status} → ${input.to}` });
  if (!canTransitionTo(actor, order, input.to)) throw notPermitted();
  const closeOut =
    input.to === 'done' ? closeOutOf({ order, agreement: await findAgreement(tx, order) }) : undefined;
  const decision = decideTransition({ from: order.status, to: input.to, side, input, closeOut });
  if (!decision.ok) {
    if (decision.error === 'not_allowed')
      throw invalidTransition({ detail: `${order.status} → ${input.to}` });
    throw problems.validation({
      errors: decision.fields.map((f) =>
        f === 'reason'
          ? field(f, 'required', 'Ange en anledning', 'Give a reason')
          : field(f, 'required', 'Obligatoriskt fält', 'Required'),
      ),
    });
  }
  if (decision.completes && closeOut) {
    const errors: FieldErrorInput[] = [];
    if (input.faultType && !closeOut.faultTypes.includes(input.faultType)) {
      errors.push(
        field('faultType', 'invalid_value', 'Välj en feltyp ur listan', 'Choose a fault type from the list'),
      );
    }
    if (input.rootCause && !closeOut.rootCauses.includes(input.rootCause)) {
      errors.push(
        field(
          'rootCause',
          'invalid_value',
          'Välj en rotorsak ur listan',
          'Choose a root cause from the list',
        ),
      );
    }
    if (errors.length) throw problems.validation({ errors });
  }
  const now = clock.now();
  const closes = !isActive(input.to) && isActive(order.status);
  await updateWorkOrder(tx, order.id, {
    status: input.to,
    updatedAt: now,
    ...(closes ? { closedAt: now } : {}),
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
    ...(decision.reopens ? { completedAt: null, closedAt: null } : {}),
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
    // The log shows what was done, as Familjebostäder's Noteringar do.
    data: decision.completes
      ? {
          actionDescription: input.actionDescription,
          faultType: input.faultType || null,
          rootCause: input.rootCause || null,
        }
      : null,
    createdAt: now,
  });
}

/**
 * Moves an order to another status. The row is locked first, so two people acting at once get one
 * winner and one clear refusal, never a lost update. If-Match is checked when sent (412 when stale).
 */
export async function transitionWorkOrder(
  deps: WorkOrderDeps,
  args: { actor: Actor; id: string; input: TransitionBody; ifMatch?: number | undefined },
): Promise<WorkOrder> {
  const { actor, id, input } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const scope = scopeOf(actor, deps.clock);
  return deps.db.transaction(async (tx) => {
    const order = await lockWorkOrder(tx, scope, id);
    if (!order) throw problems.notFound();
    if (args.ifMatch !== undefined && args.ifMatch !== order.version) throw problems.preconditionFailed();
    await applyTransition({ tx, clock: deps.clock, actor, order, input });
    return getWorkOrder(deps, { actor, id, db: tx });
  });
}

/**
 * Accepts every new order of a bundle in one go (Familjebostäder step 4–5). All or nothing: if one
 * cannot be accepted, none is.
 */
export async function acceptBundle(
  deps: WorkOrderDeps,
  args: { actor: Actor; bundle: string },
): Promise<{ accepted: { id: string; number: number }[] }> {
  const { actor } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const scope = scopeOf(actor, deps.clock);
  return deps.db.transaction(async (tx) => {
    const orders = await lockBundle(tx, scope, args.bundle);
    if (orders.length === 0) throw problems.notFound();
    const fresh = orders.filter((o) => o.status === 'new');
    if (fresh.length === 0) throw invalidTransition({ detail: 'no new orders in the bundle' });
    for (const order of fresh) {
      await applyTransition({ tx, clock: deps.clock, actor, order, input: { to: 'accepted' } });
    }
    return { accepted: fresh.map((o) => ({ id: o.id, number: o.number })) };
  });
}

type EditableField = keyof UpdateWorkOrderBody;

const columnOf = {
  contractorContactId: 'contractorContactUserId',
  bookedAt: 'bookedAt',
  plannedAt: 'plannedAt',
  model: 'model',
  serialNumber: 'serialNumber',
} as const satisfies Record<EditableField, keyof WorkOrderRow>;

function comparable(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * Edits the contractor's fields: Entreprenörkontakt, Bokat tid med anmälare, Planerad, Egenskaper,
 * Serienummer. Needs If-Match (428 without, 412 when stale); logs what changed, from what to what.
 */
export async function updateWorkOrderFields(
  deps: WorkOrderDeps,
  args: { actor: Actor; id: string; input: UpdateWorkOrderBody; ifMatch: number | undefined },
): Promise<WorkOrder> {
  const { actor, id, input } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  if (args.ifMatch === undefined) throw problems.preconditionRequired();
  const scope = scopeOf(actor, deps.clock);
  return deps.db.transaction(async (tx) => {
    const order = await lockWorkOrder(tx, scope, id);
    if (!order) throw problems.notFound();
    if (args.ifMatch !== order.version) throw problems.preconditionFailed();
    const fields = Object.keys(input) as EditableField[];
    for (const f of fields) if (!canEditWorkOrderField(actor, f)) throw notPermitted();
    if (!isActive(order.status)) throw orderClosed();

    if (input.contractorContactId) {
      const member = await findMembership(tx, { userId: input.contractorContactId, orgId: actor.orgId });
      if (!member || member.role === 'support') {
        throw problems.validation({
          errors: [
            field(
              'contractorContactId',
              'unknown_user',
              'Okänd användare i företaget',
              'Unknown user in the company',
            ),
          ],
        });
      }
    }

    const changes: Record<string, { from: string | null; to: string | null }> = {};
    const values: Partial<WorkOrderRow> = {};
    for (const f of fields) {
      const column = columnOf[f];
      const next = f === 'bookedAt' ? (input.bookedAt ? new Date(input.bookedAt) : null) : (input[f] ?? null);
      const before = comparable(order[column]);
      const after = comparable(next);
      if (before === after) continue;
      changes[f] = { from: before, to: after };
      (values as Record<string, unknown>)[column] = next;
    }
    if (Object.keys(changes).length === 0) return getWorkOrder(deps, { actor, id, db: tx });

    const now = deps.clock.now();
    await updateWorkOrder(tx, order.id, { ...values, updatedAt: now });
    await insertEvent(tx, {
      workOrderId: order.id,
      type: 'updated',
      visibility: 'shared',
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      data: { changes },
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
