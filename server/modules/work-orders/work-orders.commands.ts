/** Changing work orders. Each command is one transaction: the change, its events and its mail. */
import type { z } from 'zod';
import type { SlaRules } from '../../../contract/agreements.values.ts';
import { statusLabels } from '../../../contract/labels.ts';
import type {
  createWorkOrderBodySchema,
  TransitionBody,
  WorkOrder,
  WorkOrderStatus,
  WorkOrderType,
} from '../../../contract/work-orders.ts';
import type { Clock } from '../../platform/clock.ts';
import { stockholmDate } from '../../platform/dates.ts';
import type { Tx } from '../../platform/db.ts';
import { defineProblem, type FieldErrorInput, Problem, problems } from '../../platform/errors.ts';
import { once } from '../../platform/idempotency/idempotency.ts';
import type { MailFailureListener, MailSentListener } from '../../platform/mail/mail.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { findAgreement } from '../agreements/agreements.repository.ts';
import { slaDates } from '../agreements/agreements.sla.ts';
import { notify } from '../notifications/notifications.ts';
import { findOrganization, listMembersWithRoles } from '../organizations/organizations.repository.ts';
import { bundleNumberFor } from './work-orders.bundle.ts';
import { cancelledWorkOrderMail, newWorkOrderMail, workOrderUrl } from './work-orders.mail.ts';
import {
  canCreateWorkOrder,
  canDispatch,
  canReadWorkOrders,
  canRegisterWorkOrder,
  canTransitionTo,
  sideOf,
} from './work-orders.policy.ts';
import { type SettledInput, settleFromRegister } from './work-orders.register.ts';
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

/**
 * A move the status machine has, but for the other side. Still 409 (domain.md: any move not allowed
 * is a conflict, and changes nothing), with a code and title that say whose move it is.
 */
export const otherSidesMove = {
  client: defineProblem({
    status: 409,
    code: 'work_orders.contractor_only',
    title: {
      sv: 'Det är entreprenören som gör detta med arbetsordern',
      en: 'The contractor does this with the work order',
    },
  }),
  contractor: defineProblem({
    status: 409,
    code: 'work_orders.client_only',
    title: {
      sv: 'Det är beställaren som gör detta med arbetsordern',
      en: 'The client does this with the work order',
    },
  }),
};

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

function orderValues(input: SettledInput) {
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
    ...input.refs,
  };
}

/**
 * The agreement for sending an order of a type to a contractor. A contractor without an agreement
 * answers exactly like a non-existent one, revealing nothing; one whose agreement does not cover the
 * type is named as such.
 */
async function agreementFor(
  tx: Tx,
  args: { clientOrgId: string; contractorOrgId: string; type: WorkOrderType | undefined },
) {
  const agreement = await findAgreement(tx, args);
  if (!agreement) {
    throw problems.validation({
      errors: [field('contractorOrgId', 'unknown_contractor', 'Okänd entreprenör', 'Unknown contractor')],
    });
  }
  if (args.type && !agreement.orderTypes.includes(args.type)) {
    throw problems.validation({
      errors: [
        field(
          'contractorOrgId',
          'type_not_covered',
          'Avtalet med entreprenören omfattar inte den typen av uppdrag',
          'The agreement with the contractor does not cover that type of order',
        ),
      ],
    });
  }
  return agreement;
}

/** What sending an order sets: when it was sent, its bundle, and its SLA dates from the agreement. */
function sendingValues(
  agreement: { slaRules: SlaRules },
  order: { priority: string; objectNumber?: string | null | undefined },
  now: Date,
) {
  return {
    orderedAt: now,
    bundleNumber: bundleNumberFor(order.objectNumber, now),
    ...slaDates(agreement.slaRules, order.priority, stockholmDate(now)),
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
  if (input.dispatch && !input.contractorOrgId) {
    throw problems.validation({
      errors: [field('contractorOrgId', 'required', 'Välj entreprenör', 'Choose a contractor')],
    });
  }
  const agreement = input.contractorOrgId
    ? await agreementFor(tx, {
        clientOrgId: actor.orgId,
        contractorOrgId: input.contractorOrgId,
        type: input.dispatch ? input.type : undefined,
      })
    : null;
  const settled = await settleFromRegister(tx, actor.orgId, input);
  const now = deps.clock.now();
  const status: WorkOrderStatus = input.dispatch ? 'new' : 'draft';
  const order = await insertWorkOrder(tx, {
    ...orderValues(settled),
    clientOrgId: actor.orgId,
    contractorOrgId: input.contractorOrgId ?? null,
    number: await nextWorkOrderNumber(tx, actor.orgId),
    status,
    ...(input.dispatch && agreement ? sendingValues(agreement, settled, now) : {}),
    orderedByUserId: actor.userId,
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
  const agreement = await findAgreement(tx, { clientOrgId, contractorOrgId: actor.orgId });
  if (!agreement) {
    throw problems.validation({
      errors: [field('clientOrgId', 'unknown_client', 'Okänd beställare', 'Unknown client')],
    });
  }
  const settled = await settleFromRegister(tx, clientOrgId, input, { private: false });
  const now = deps.clock.now();
  const order = await insertWorkOrder(tx, {
    ...orderValues(settled),
    clientOrgId,
    contractorOrgId: actor.orgId,
    registeredByOrgId: actor.orgId,
    number: await nextWorkOrderNumber(tx, clientOrgId),
    status: 'accepted',
    ...sendingValues(agreement, settled, now),
    // A technician who finds the fault is the one to fix it, unless a manager says otherwise.
    contractorContactUserId: actor.role === 'technician' ? actor.userId : null,
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

/** The cancellation goes to the contractor's admins and managers and to the person the order is assigned to. */
async function queueCancellationMails(deps: WorkOrderDeps, tx: Tx, order: WorkOrderRow, reason: string) {
  const client = await findOrganization(tx, order.clientOrgId);
  const members = await listMembersWithRoles(tx, {
    orgId: order.contractorOrgId!,
    roles: ['admin', 'manager', 'technician'],
  });
  const recipients = members.filter(
    (m) => m.role === 'admin' || m.role === 'manager' || m.userId === order.contractorContactUserId,
  );
  const clientName = client?.name ?? '';
  await notify({
    tx,
    clock: deps.clock,
    kind: 'cancelled',
    recipients,
    compose: (recipient) =>
      cancelledWorkOrderMail({ order, clientName, reason, recipient, publicUrl: deps.publicUrl }),
    digest: (r) => ({
      line:
        r.locale === 'sv'
          ? `AO ${order.number} makulerad av ${clientName}: ${reason}`
          : `WO ${order.number} cancelled by ${clientName}: ${reason}`,
      link: workOrderUrl(deps.publicUrl, order.contractorOrgId!, order.id),
    }),
    context: { workOrderId: order.id, orgId: order.clientOrgId },
  });
}

async function queueNewOrderMails(deps: WorkOrderDeps, tx: Tx, order: WorkOrderRow) {
  const client = await findOrganization(tx, order.clientOrgId);
  const recipients = await listMembersWithRoles(tx, {
    orgId: order.contractorOrgId!,
    roles: ['admin', 'manager'],
  });
  const clientName = client?.name ?? '';
  const what = order.phrase || order.description;
  await notify({
    tx,
    clock: deps.clock,
    kind: 'new_order',
    recipients,
    compose: (recipient) => newWorkOrderMail({ order, clientName, recipient, publicUrl: deps.publicUrl }),
    digest: (r) => ({
      line:
        r.locale === 'sv'
          ? `Ny arbetsorder ${order.number} från ${clientName}: ${what}`
          : `New work order ${order.number} from ${clientName}: ${what}`,
      link: workOrderUrl(deps.publicUrl, order.contractorOrgId!, order.id),
    }),
    context: { workOrderId: order.id, orgId: order.clientOrgId },
  });
}

export function parseIfMatch(header: string | undefined): number | undefined | 'invalid' {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  return m ? Number(m[1]) : 'invalid';
}

/** Applies one decided move to a locked order and logs it. */
async function applyTransition(args: {
  tx: Tx;
  deps: WorkOrderDeps;
  actor: Actor;
  order: WorkOrderRow;
  input: TransitionBody;
}) {
  const { tx, deps, actor, order, input } = args;
  const clock = deps.clock;
  const side = sideOf(actor)!;
  if (!findRule(order.status, input.to, side)) {
    // Makulera, Fakturerad and reopening are the client's; accepting and completing the contractor's.
    if (findRule(order.status, input.to, side === 'client' ? 'contractor' : 'client'))
      throw otherSidesMove[side]({ detail: `${order.status} → ${input.to}` });
    throw invalidTransition({ detail: `${order.status} → ${input.to}` });
  }
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
  const closes = !isActive(input.to) && (isActive(order.status) || order.status === 'draft');
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
  // A draft was never sent: whoever was picked for it has nothing to be told.
  if (input.to === 'cancelled' && order.contractorOrgId && order.status !== 'draft') {
    await queueCancellationMails(deps, tx, { ...order, status: 'cancelled' }, input.reason ?? '');
  }
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
  await deps.db.transaction(async (tx) => {
    const order = await lockWorkOrder(tx, scope, id);
    if (!order) throw problems.notFound();
    if (args.ifMatch !== undefined && args.ifMatch !== order.version) throw problems.preconditionFailed();
    await applyTransition({ tx, deps, actor, order, input });
  });
  // Read back after the commit: the row lock is not held for the three statements of the order page,
  // and they run as the shapes kept for every reader (decision 0016). The answer is the order as it
  // stands, with the version that goes with it.
  return getWorkOrder(deps, { actor, id });
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
      await applyTransition({ tx, deps, actor, order, input: { to: 'accepted' } });
    }
    return { accepted: fresh.map((o) => ({ id: o.id, number: o.number })) };
  });
}

/** A mail about an order that went out is in the order's log (internal: it is bookkeeping). */
export const sentMailRecorder =
  (clock: Clock): MailSentListener =>
  async ({ tx, payload }) => {
    const workOrderId = payload.context?.workOrderId;
    if (!workOrderId) return;
    await insertEvent(tx, {
      workOrderId,
      type: 'mail_sent',
      reason: payload.message.to.join(', '),
      visibility: 'internal',
      data: { subject: payload.message.subject },
      createdAt: clock.now(),
    });
  };

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

/**
 * Sends a draft to a contractor, or a declined order again to another one. The order keeps its
 * number and history; it gets a new sent time, bundle and SLA dates, and the contractor its mail.
 */
export async function dispatchWorkOrder(
  deps: WorkOrderDeps,
  args: { actor: Actor; id: string; contractorOrgId: string; ifMatch?: number | undefined },
): Promise<WorkOrder> {
  const { actor, id, contractorOrgId } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const scope = scopeOf(actor, deps.clock);
  return deps.db.transaction(async (tx) => {
    const order = await lockWorkOrder(tx, scope, id);
    if (!order) throw problems.notFound();
    if (args.ifMatch !== undefined && args.ifMatch !== order.version) throw problems.preconditionFailed();
    if (!canCreateWorkOrder(actor)) throw notPermitted();
    if (!canDispatch(actor, order)) throw invalidTransition({ detail: `${order.status} → new` });
    if (order.status === 'declined' && order.contractorOrgId === contractorOrgId) {
      throw problems.validation({
        errors: [
          field(
            'contractorOrgId',
            'same_contractor',
            'Entreprenören har redan tackat nej; välj en annan',
            'The contractor has already declined; choose another',
          ),
        ],
      });
    }
    const agreement = await agreementFor(tx, {
      clientOrgId: order.clientOrgId,
      contractorOrgId,
      type: order.type,
    });
    const now = deps.clock.now();
    const sent = await updateWorkOrder(tx, order.id, {
      status: 'new',
      contractorOrgId,
      contractorContactUserId: null,
      closedAt: null,
      bookedAt: null,
      plannedAt: null,
      orderedByUserId: actor.userId,
      ...sendingValues(agreement, order, now),
      updatedAt: now,
    });
    await insertEvent(tx, {
      workOrderId: order.id,
      type: 'dispatched',
      fromStatus: order.status,
      toStatus: 'new',
      visibility: 'shared',
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      data: { contractorOrgId, previousContractorOrgId: order.contractorOrgId },
      createdAt: now,
    });
    await queueNewOrderMails(deps, tx, sent);
    return getWorkOrder(deps, { actor, id, db: tx });
  });
}

/** Several moves of one kind at once (marking done orders invoiced): all of them, or none. */
export async function bulkTransition(
  deps: WorkOrderDeps,
  args: { actor: Actor; ids: string[]; to: 'invoiced' },
): Promise<{ items: { id: string; number: number; status: WorkOrderStatus }[] }> {
  const { actor } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const scope = scopeOf(actor, deps.clock);
  return deps.db.transaction(async (tx) => {
    const items: { id: string; number: number; status: WorkOrderStatus }[] = [];
    // Every order is tried, so the answer names all that stand in the way, not only the first.
    const blocking: FieldErrorInput[] = [];
    for (const [index, id] of args.ids.entries()) {
      const order = await lockWorkOrder(tx, scope, id);
      if (!order) throw problems.notFound({ detail: id });
      try {
        await applyTransition({ tx, deps, actor, order, input: { to: args.to } });
        items.push({ id, number: order.number, status: args.to });
      } catch (error) {
        if (!(error instanceof Problem) || error.status !== 409) throw error;
        blocking.push({
          field: `ids.${index}`,
          code: error.code,
          message: {
            sv: `AO ${order.number}: ${statusLabels.sv[order.status]} kan inte bli ${statusLabels.sv[args.to]}`,
            en: `AO ${order.number}: ${statusLabels.en[order.status]} cannot become ${statusLabels.en[args.to]}`,
          },
        });
      }
    }
    // Throwing rolls back the moves already made: all of them, or none.
    if (blocking.length > 0) throw bulkBlocked({ errors: blocking });
    return { items };
  });
}

export const bulkBlocked = defineProblem({
  status: 409,
  code: 'work_order.bulk_blocked',
  title: {
    sv: 'Ingen arbetsorder ändrades: några kan inte flyttas till den statusen',
    en: 'No work order was changed: some cannot move to that status',
  },
});
