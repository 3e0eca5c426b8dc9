import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { WorkOrderStatus } from '../../../contract/work-orders.ts';
import type { Executor } from '../../platform/db.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { users } from '../identity/identity.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { workOrderCounters, workOrderEvents, workOrders } from './work-orders.table.ts';

/**
 * The one place that says which orders an actor can reach. Every query below starts from it, so an
 * order outside it is not found: a client sees its own orders; a contractor sees the orders sent to
 * it (never a client's draft); a technician only the ones assigned to them.
 */
export function workOrderAccess(actor: Actor): SQL {
  if (actor.orgKind === 'client') return eq(workOrders.clientOrgId, actor.orgId);
  if (actor.orgKind === 'contractor') {
    const sent = and(eq(workOrders.contractorOrgId, actor.orgId), ne(workOrders.status, 'draft'))!;
    if (actor.role === 'technician') return and(sent, eq(workOrders.contractorContactUserId, actor.userId))!;
    return sent;
  }
  return sql`false`;
}

const clientOrg = alias(organizations, 'client_org');
const contractorOrg = alias(organizations, 'contractor_org');
const contactUser = alias(users, 'contact_user');
const ordererUser = alias(users, 'orderer_user');

const listColumns = {
  id: workOrders.id,
  number: workOrders.number,
  externalRef: workOrders.externalRef,
  status: workOrders.status,
  type: workOrders.type,
  priority: workOrders.priority,
  description: workOrders.description,
  propertyName: workOrders.propertyName,
  ownerName: workOrders.ownerName,
  street: workOrders.street,
  city: workOrders.city,
  clientId: workOrders.clientOrgId,
  clientName: clientOrg.name,
  contractorId: workOrders.contractorOrgId,
  contractorName: contractorOrg.name,
  contactId: workOrders.contractorContactUserId,
  contactName: contactUser.name,
  reporterName: workOrders.reporterName,
  orderedAt: workOrders.orderedAt,
  contactBy: workOrders.contactBy,
  deliverBy: workOrders.deliverBy,
  createdAt: workOrders.createdAt,
};

const sortColumns = {
  orderedAt: workOrders.orderedAt,
  number: workOrders.number,
  status: workOrders.status,
  priority: sql`array_position(array['urgent','high','normal','low']::text[], ${workOrders.priority})`,
  type: workOrders.type,
  propertyName: workOrders.propertyName,
  street: workOrders.street,
  contactBy: workOrders.contactBy,
  deliverBy: workOrders.deliverBy,
} as const;

export type ListFilter = {
  statuses: WorkOrderStatus[];
  sort: keyof typeof sortColumns;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

export async function listWorkOrders(db: Executor, actor: Actor, filter: ListFilter) {
  const where = and(workOrderAccess(actor), inArray(workOrders.status, filter.statuses));
  const column = sortColumns[filter.sort];
  const direction = filter.order === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(workOrders)
      .innerJoin(clientOrg, eq(clientOrg.id, workOrders.clientOrgId))
      .leftJoin(contractorOrg, eq(contractorOrg.id, workOrders.contractorOrgId))
      .leftJoin(contactUser, eq(contactUser.id, workOrders.contractorContactUserId))
      .where(where)
      .orderBy(
        filter.order === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`,
        direction(workOrders.createdAt),
        direction(workOrders.id),
      )
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(workOrders).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** One order the actor can reach, with the names it shows; `forUpdate` locks the row for a command. */
export async function findWorkOrder(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({
      order: workOrders,
      clientName: clientOrg.name,
      contractorName: contractorOrg.name,
      contactName: contactUser.name,
      ordererName: ordererUser.name,
    })
    .from(workOrders)
    .innerJoin(clientOrg, eq(clientOrg.id, workOrders.clientOrgId))
    .leftJoin(contractorOrg, eq(contractorOrg.id, workOrders.contractorOrgId))
    .leftJoin(contactUser, eq(contactUser.id, workOrders.contractorContactUserId))
    .leftJoin(ordererUser, eq(ordererUser.id, workOrders.orderedByUserId))
    .where(and(workOrderAccess(actor), eq(workOrders.id, id)));
  return row;
}

/** Locks the order row for the rest of the transaction; null when the actor cannot reach it. */
export async function lockWorkOrder(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(workOrders)
    .where(and(workOrderAccess(actor), eq(workOrders.id, id)))
    .for('update');
  return row ?? null;
}

export async function listEvents(
  db: Executor,
  workOrderId: string,
  visibilities: ('internal' | 'shared' | 'tenant')[],
) {
  const actorOrg = alias(organizations, 'actor_org');
  return db
    .select({
      id: workOrderEvents.id,
      type: workOrderEvents.type,
      fromStatus: workOrderEvents.fromStatus,
      toStatus: workOrderEvents.toStatus,
      reason: workOrderEvents.reason,
      visibility: workOrderEvents.visibility,
      actorId: workOrderEvents.actorUserId,
      actorName: users.name,
      actorOrgId: workOrderEvents.actorOrgId,
      actorOrgName: actorOrg.name,
      createdAt: workOrderEvents.createdAt,
    })
    .from(workOrderEvents)
    .leftJoin(users, eq(users.id, workOrderEvents.actorUserId))
    .leftJoin(actorOrg, eq(actorOrg.id, workOrderEvents.actorOrgId))
    .where(
      and(eq(workOrderEvents.workOrderId, workOrderId), inArray(workOrderEvents.visibility, visibilities)),
    )
    .orderBy(desc(workOrderEvents.createdAt), desc(workOrderEvents.id));
}

/** Hands out the client's next AO-nr; the counter row stays locked until the transaction ends. */
export async function nextWorkOrderNumber(db: Executor, clientOrgId: string): Promise<number> {
  const [row] = await db
    .insert(workOrderCounters)
    .values({ clientOrgId, lastNumber: 1 })
    .onConflictDoUpdate({
      target: workOrderCounters.clientOrgId,
      set: { lastNumber: sql`${workOrderCounters.lastNumber} + 1` },
    })
    .returning({ n: workOrderCounters.lastNumber });
  return row!.n;
}

export async function insertWorkOrder(db: Executor, values: typeof workOrders.$inferInsert) {
  const [row] = await db.insert(workOrders).values(values).returning();
  return row!;
}

export async function updateWorkOrder(
  db: Executor,
  id: string,
  values: Partial<typeof workOrders.$inferInsert>,
) {
  const [row] = await db
    .update(workOrders)
    .set({ ...values, version: sql`${workOrders.version} + 1` })
    .where(eq(workOrders.id, id))
    .returning();
  return row!;
}

export async function insertEvent(db: Executor, values: typeof workOrderEvents.$inferInsert) {
  await db.insert(workOrderEvents).values(values);
}
