/** Editing an order's fields (PATCH): the contractor's planning fields, the client's order details. */

import { eq } from 'drizzle-orm';
import type { UpdateWorkOrderBody, WorkOrder } from '../../../contract/work-orders.ts';
import { stockholmDate } from '../../platform/dates.ts';
import type { Executor } from '../../platform/db.ts';
import { defineProblem, type FieldErrorInput, problems } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { findAgreement } from '../agreements/agreements.repository.ts';
import { slaDates } from '../agreements/agreements.sla.ts';
import { users } from '../identity/identity.table.ts';
import { findMembership } from '../organizations/organizations.repository.ts';
import {
  canEditWorkOrderField,
  canReadWorkOrders,
  type EditableField,
  fieldsOpen,
  sideOf,
} from './work-orders.policy.ts';
import { insertEvent, lockWorkOrder, updateWorkOrder } from './work-orders.repository.ts';
import type { WorkOrderRow } from './work-orders.table.ts';
import { getWorkOrder, notPermitted, scopeOf, type WorkOrderDeps } from './work-orders.usecases.ts';

export const orderClosed = defineProblem({
  status: 409,
  code: 'work_orders.closed',
  title: {
    sv: 'Arbetsordern kan inte längre ändras på det sättet',
    en: 'The work order can no longer be changed that way',
  },
});

const field = (name: string, code: string, sv: string, en: string): FieldErrorInput => ({
  field: name,
  code,
  message: { sv, en },
});

type Values = Partial<WorkOrderRow>;

/** What each API field writes, and how its before and after are shown in the log. */
function columnsFor(f: EditableField, input: UpdateWorkOrderBody): Values {
  switch (f) {
    case 'contractorContactId':
      return { contractorContactUserId: input.contractorContactId ?? null };
    case 'bookedAt':
      return { bookedAt: input.bookedAt ? new Date(input.bookedAt) : null };
    case 'reporter': {
      const r = input.reporter!;
      const anyPreferred = r.phones.some((p) => p.preferred);
      return {
        reporterName: r.name,
        reporterPhones: r.phones.map((p, i) => ({ ...p, preferred: anyPreferred ? p.preferred : i === 0 })),
        reporterEmail: r.email ?? null,
        reporterMoveInOn: r.moveInOn ?? null,
      };
    }
    case 'clientContact':
      return {
        clientContactName: input.clientContact?.name ?? null,
        clientContactEmail: input.clientContact?.email ?? null,
        clientContactPhone: input.clientContact?.phone ?? null,
      };
    default:
      return { [f]: input[f] ?? null } as Values;
  }
}

function shown(values: Values, order: WorkOrderRow, side: 'before' | 'after'): string | null {
  const source =
    side === 'before'
      ? Object.fromEntries(Object.keys(values).map((k) => [k, order[k as keyof WorkOrderRow]]))
      : values;
  const parts = Object.values(source).map((v) =>
    v === null || v === undefined || v === ''
      ? null
      : v instanceof Date
        ? v.toISOString()
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v),
  );
  if (parts.every((p) => p === null)) return null;
  return parts.length === 1 ? parts[0]! : JSON.stringify(parts);
}

async function userName(tx: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

/**
 * Changes fields of an order. Needs If-Match (428 without, 412 when stale); each field must be the
 * caller's side's and role's to change (403) and still open in the order's status (409). Logs one
 * `updated` event with each changed field's old and new value; a request that changes nothing
 * writes nothing.
 */
export async function updateWorkOrderFields(
  deps: WorkOrderDeps,
  args: { actor: Actor; id: string; input: UpdateWorkOrderBody; ifMatch: number | undefined },
): Promise<WorkOrder> {
  const { actor, id, input } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  if (args.ifMatch === undefined) throw problems.preconditionRequired();
  const side = sideOf(actor)!;
  const scope = scopeOf(actor, deps.clock);
  return deps.db.transaction(async (tx) => {
    const order = await lockWorkOrder(tx, scope, id);
    if (!order) throw problems.notFound();
    if (args.ifMatch !== order.version) throw problems.preconditionFailed();
    const fields = Object.keys(input) as EditableField[];
    for (const f of fields) if (!canEditWorkOrderField(actor, f)) throw notPermitted();
    if (!fieldsOpen(side, order.status)) throw orderClosed();

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
    const agreement = await findAgreement(tx, order);
    if (input.type && order.contractorOrgId && agreement && !agreement.orderTypes.includes(input.type)) {
      throw problems.validation({
        errors: [
          field(
            'type',
            'not_covered',
            'Avtalet med entreprenören omfattar inte den typen',
            'The agreement does not cover that type',
          ),
        ],
      });
    }

    const changes: Record<
      string,
      { from: string | null; to: string | null; fromName?: string | null; toName?: string | null }
    > = {};
    let values: Values = {};
    for (const f of fields) {
      const next = columnsFor(f, input);
      const before = shown(next, order, 'before');
      const after = shown(next, order, 'after');
      if (before === after) continue;
      changes[f] = { from: before, to: after };
      if (f === 'contractorContactId') {
        // Names too: the client's people cannot look up the contractor's users by id.
        changes[f] = {
          ...changes[f],
          fromName: await userName(tx, before),
          toName: await userName(tx, after),
        };
      }
      values = { ...values, ...next };
    }
    if (Object.keys(changes).length === 0) return getWorkOrder(deps, { actor, id, db: tx });

    // A new priority on a sent order moves its SLA dates, counted from the day it was sent.
    if (changes.priority && order.orderedAt && agreement) {
      Object.assign(values, slaDates(agreement.slaRules, input.priority!, stockholmDate(order.orderedAt)));
    }
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
