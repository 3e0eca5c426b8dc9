import { and, asc, count, desc, eq, getTableName, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { activeStatuses, type WorkOrderStatus, type WorkOrderType } from '../../../contract/work-orders.ts';
import { type Executor, queryRows } from '../../platform/db.ts';
import { shapedQuery, slot } from '../../platform/prepared.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { workOrderQuestions } from '../communication/communication.table.ts';
import { users } from '../identity/identity.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { workOrderCounters, workOrderCounts, workOrderEvents, workOrders } from './work-orders.table.ts';
import { DEFAULT_VISIBLE_DAYS } from './work-orders.window.ts';

/**
 * `column in ('a', 'b')` with the values written into the SQL. Only for the fixed value lists of
 * statuses and types (checked here): a statement then reads the same whatever the values, so its plan
 * can be kept, and PostgreSQL can see which partial index it matches.
 */
function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new Error(`not a code: ${v}`);
  return values.length === 0
    ? sql`false`
    : sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

/** Who asks, and what day it is in Stockholm (the visibility window counts whole days). */
export type Scope = { actor: Actor; today: string };

/**
 * The scope as part of a query's shape (platform/prepared.ts): who asks — client, contractor or
 * technician — changes the statement and stays; the company, the user and the day are slots.
 */
function scopeShape(scope: Scope): Scope {
  const { orgKind, role } = scope.actor;
  return { actor: { orgKind, role, orgId: slot('orgId'), userId: slot('userId') }, today: slot('today') };
}

function scopeValues(scope: Scope) {
  return { orgId: scope.actor.orgId, userId: scope.actor.userId, today: scope.today };
}

const agreement = alias(agreements, 'agreement');

/**
 * The first moment a contractor's longest window can still show: an order closed before it is
 * hidden from the contractor whatever its agreement (the rule of work-orders.window.ts).
 */
function windowCutoff({ actor, today }: Scope): SQL {
  return sql`((${today}::date - 1 - greatest(${DEFAULT_VISIBLE_DAYS}::int, coalesce((
      select max(a.completed_visible_days) from agreements a where a.contractor_org_id = ${actor.orgId}
    ), 0)))::timestamp at time zone 'Europe/Stockholm')`;
}

/**
 * The one place that says which orders an actor can reach. Every query below starts from it, so an
 * order outside it is not found: a client sees its own orders; a contractor sees the orders sent to
 * it (never a client's draft) until the agreement's window after closing has passed; a technician
 * only the ones assigned to them.
 */
export function workOrderAccess(scope: Scope, options: { activeOnly?: boolean } = {}): SQL {
  const { actor, today } = scope;
  if (actor.orgKind === 'client') return eq(workOrders.clientOrgId, actor.orgId);
  if (actor.orgKind === 'contractor') {
    // The rule of work-orders.window.ts: the Stockholm day of closing plus the agreement's days is
    // the last day it shows. The contractor's windows per client are read once per query (an
    // uncorrelated subquery, so PostgreSQL runs it once), not once per order. The first condition is
    // the same rule with the longest of those windows, which an index can answer.
    const windows = sql`(select jsonb_object_agg(a.client_org_id, a.completed_visible_days) from agreements a
      where a.contractor_org_id = ${actor.orgId})`;
    const cutoff = windowCutoff(scope);
    const withinWindow = sql`(${workOrders.closedAt} is null or (${workOrders.closedAt} >= ${cutoff} and
      (${workOrders.closedAt} at time zone 'Europe/Stockholm')::date
        + coalesce((${windows} ->> ${workOrders.clientOrgId}::text)::int, ${DEFAULT_VISIBLE_DAYS}::int)
        >= ${today}::date))`;
    const sent = and(
      eq(workOrders.contractorOrgId, actor.orgId),
      sql`${workOrders.status} <> 'draft'`,
      // An order in an active status has never closed, or was reopened (which clears closed_at), so the
      // window cannot hide it: a list of active orders need not ask, and reads straight off its index.
      options.activeOnly ? undefined : withinWindow,
    )!;
    if (actor.role === 'technician') return and(sent, eq(workOrders.contractorContactUserId, actor.userId))!;
    return sent;
  }
  return sql`false`;
}

const clientOrg = alias(organizations, 'client_org');
const contractorOrg = alias(organizations, 'contractor_org');
const contactUser = alias(users, 'contact_user');
const ordererUser = alias(users, 'orderer_user');

/** Past contact-by with no time booked and no contact attempt; past deliver-by and not done. */
function overdueFlags(today: string) {
  return {
    contactOverdue: sql<boolean>`(${workOrders.status} in ('new', 'accepted') and ${workOrders.bookedAt} is null
      and ${workOrders.contactBy} < ${today}::date)`,
    deliveryOverdue: sql<boolean>`(${workOrders.status} in ('new', 'accepted', 'material_ordered', 'reporter_unreachable')
      and ${workOrders.deliverBy} < ${today}::date)`,
  };
}

function listColumns(today: string) {
  return {
    id: workOrders.id,
    number: workOrders.number,
    externalRef: workOrders.externalRef,
    status: workOrders.status,
    type: workOrders.type,
    priority: workOrders.priority,
    billable: workOrders.billable,
    description: workOrders.description,
    propertyName: workOrders.propertyName,
    ownerName: workOrders.ownerName,
    street: workOrders.street,
    city: workOrders.city,
    objectNumber: workOrders.objectNumber,
    bundleNumber: workOrders.bundleNumber,
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
    bookedAt: workOrders.bookedAt,
    plannedAt: workOrders.plannedAt,
    completedAt: workOrders.completedAt,
    registeredByOrgId: workOrders.registeredByOrgId,
    invoiceReferenceTemplate: agreement.invoiceReferenceTemplate,
    createdAt: workOrders.createdAt,
    ...overdueFlags(today),
  };
}

const sortColumns = {
  orderedAt: workOrders.orderedAt,
  number: workOrders.number,
  status: sql`array_position(array['draft','new','accepted','material_ordered','reporter_unreachable','done','declined','invoiced','cancelled']::text[], ${workOrders.status})`,
  priority: sql`array_position(array['urgent','high','normal','low']::text[], ${workOrders.priority})`,
  type: workOrders.type,
  description: workOrders.description,
  propertyName: workOrders.propertyName,
  ownerName: workOrders.ownerName,
  street: workOrders.street,
  reporterName: workOrders.reporterName,
  contractorContact: contactUser.name,
  client: clientOrg.name,
  contractor: contractorOrg.name,
  contactBy: workOrders.contactBy,
  deliverBy: workOrders.deliverBy,
  bookedAt: workOrders.bookedAt,
  plannedAt: workOrders.plannedAt,
  completedAt: workOrders.completedAt,
  schedule: sql`coalesce(${workOrders.bookedAt}, ${workOrders.plannedAt}::timestamptz)`,
} as const;

export type ListFilter = {
  statuses: WorkOrderStatus[];
  types?: WorkOrderType[] | undefined;
  q?: string | undefined;
  clientOrgId?: string | undefined;
  contractorOrgId?: string | undefined;
  bundle?: string | undefined;
  propertyId?: string | undefined;
  overdue?: 'contact' | 'delivery' | 'any' | undefined;
  sort: keyof typeof sortColumns;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

/**
 * Turns what the user typed into a prefix query over the Swedish stems ("blandaren kök" →
 * 'bland':* & 'kök':*). Only letters and digits pass, so no query syntax can be injected.
 */
export function searchTerms(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * A contractor's window cutoff as a value, read before its search: given to the search as a
 * constant, PostgreSQL can fold the contractor's query into one tsquery when it plans and estimate
 * the matches from the index's statistics. As a subquery in the statement it could not, guessed one
 * match, and chose nested loops that read the users table once per match.
 */
async function searchSince(db: Executor, scope: Scope): Promise<string> {
  const [row] = await queryRows<{ since: string }>(db, sql`select (${windowCutoff(scope)})::text as since`);
  return row!.since;
}

/** The prefix query for what the user typed, or null when it has no word to search for. */
function tsqueryOf(q: string | undefined): string | null {
  const terms = q ? searchTerms(q) : [];
  return terms.length === 0 ? null : terms.map((t) => `${t}:*`).join(' & ');
}

function searchCondition(scope: Scope, tsquery: string, since: string | undefined): SQL {
  // Numbers are words of the search document too (work-orders.table.ts), so one GIN index answers
  // "2375", "241129-146" and "blandaren" alike; its words carry the company's key (migration 0011),
  // so the search reads only the entries of the searching company's side. A contractor's key also
  // carries the 30-day period in which the order closed (migration 0012): its search asks for the
  // open orders and for the periods from its window's cutoff up to a few days past today (whichever
  // of the app's day and the database's is later), so the orders no window shows any more are not
  // read at all. The window itself is still checked by workOrderAccess.
  const { actor, today } = scope;
  const words = sql`to_tsquery('swedish', ${tsquery})`;
  const query =
    actor.orgKind === 'client'
      ? sql`work_order_scoped_query('c', ${actor.orgId}::uuid, ${words})`
      : sql`work_order_contractor_query(${actor.orgId}::uuid, ${since ?? windowCutoff(scope)}::timestamptz,
          greatest(${today}::date, current_date) + 2, ${words})`;
  return sql`work_order_scoped_search(${workOrders.clientOrgId}, ${workOrders.contractorOrgId}, ${workOrders.closedAt},
    ${workOrders.search}) @@ ${query}`;
}

/** The list's filter as its query is built: the search as a prefix query instead of the typed text. */
type ListQueryFilter = Omit<ListFilter, 'q'> & {
  tsquery?: string | undefined;
  /** A contractor's search: its window cutoff, read beforehand (see searchSince). */
  since?: string | undefined;
};

function listWhere(scope: Scope, filter: ListQueryFilter, options: { search?: boolean } = {}): SQL {
  const activeOnly = filter.statuses.every((s) => (activeStatuses as readonly string[]).includes(s));
  const conditions: (SQL | undefined)[] = [
    workOrderAccess(scope, { activeOnly }),
    oneOf(workOrders.status, filter.statuses),
  ];
  if (filter.types?.length) conditions.push(oneOf(workOrders.type, filter.types));
  if (filter.tsquery && options.search !== false)
    conditions.push(searchCondition(scope, filter.tsquery, filter.since));
  if (filter.bundle) conditions.push(eq(workOrders.bundleNumber, filter.bundle));
  conditions.push(...narrowing(scope, filter));
  return and(...conditions)!;
}

/** The number of orders the list holds: from the tallies when they can tell it, otherwise a count. */
function listTotal(scope: Scope, filter: ListQueryFilter): SQL {
  return (
    talliedTotal(scope, filter) ?? sql`(select count(*) from ${workOrders} where ${listWhere(scope, filter)})`
  );
}

/**
 * One page of the list and the number of orders in it, in one query: the page is read off an index
 * in list order (work-orders.table.ts); the total rides along as a subquery PostgreSQL runs once —
 * from the tallies when they can tell it (the filter names only statuses, types, client and
 * contractor, and no window applies), otherwise a count. The query is built once per shape
 * (platform/prepared.ts): the company, user, day, search words, ids and page are its slots.
 */
export async function listWorkOrders(db: Executor, scope: Scope, filter: ListFilter) {
  const { q, ...rest } = filter;
  const tsquery = tsqueryOf(q);
  const since = tsquery && scope.actor.orgKind === 'contractor' ? await searchSince(db, scope) : undefined;
  const values = {
    ...scopeValues(scope),
    tsquery,
    since,
    bundle: filter.bundle,
    clientOrgId: filter.clientOrgId,
    contractorOrgId: filter.contractorOrgId,
    propertyId: filter.propertyId,
    limit: filter.limit,
    offset: filter.offset,
  };
  const open = <K extends keyof typeof values>(name: K) =>
    values[name] === undefined || values[name] === null ? undefined : slot<string>(name);
  const shape: ListShape = {
    scope: scopeShape(scope),
    filter: {
      ...rest,
      tsquery: open('tsquery'),
      since: open('since'),
      bundle: open('bundle'),
      clientOrgId: open('clientOrgId'),
      contractorOrgId: open('contractorOrgId'),
      propertyId: open('propertyId'),
      limit: slot('limit'),
      offset: slot('offset'),
    },
  };
  const rows = await listPage(db, shape, values);
  // Past the last page no row carries the total; ask for it alone then.
  const total =
    rows[0]?.total ??
    (filter.offset > 0
      ? Number(
          (
            await queryRows<{ n: string | number }>(
              db,
              sql`select ${listTotal(scope, { ...rest, tsquery: tsquery ?? undefined, since })} as n`,
            )
          )[0]?.n ?? 0,
        )
      : 0);
  return { rows, total };
}

type ListShape = { scope: Scope; filter: ListQueryFilter };

const listPage = shapedQuery((db: Executor, { scope, filter }: ListShape) => {
  const column = sortColumns[filter.sort];
  const direction = filter.order === 'asc' ? asc : desc;
  // A search finds its orders through the GIN index as a whole, never in list order, so it reads
  // every match anyway: they are counted on the way (one scan of the index instead of two). The
  // matches come from the index alone (OFFSET 0 keeps PostgreSQL from merging the subquery), and
  // the company's other conditions are checked on those few rows: merged, PostgreSQL also read the
  // company's whole list index to intersect with them, which cost more than the search itself.
  const search = filter.tsquery ? searchCondition(scope, filter.tsquery, filter.since) : undefined;
  const source = search
    ? db
        .select()
        .from(workOrders)
        .where(search)
        // Written as SQL: drizzle leaves out an offset of the number 0.
        .offset(sql`0` as unknown as number)
        .as(getTableName(workOrders))
    : workOrders;
  return db
    .select({
      ...listColumns(scope.today),
      total: (search ? sql<number>`count(*) over ()` : sql<number>`${listTotal(scope, filter)}`).mapWith(
        Number,
      ),
    })
    .from(source as typeof workOrders)
    .innerJoin(clientOrg, eq(clientOrg.id, workOrders.clientOrgId))
    .leftJoin(contractorOrg, eq(contractorOrg.id, workOrders.contractorOrgId))
    .leftJoin(contactUser, eq(contactUser.id, workOrders.contractorContactUserId))
    .leftJoin(
      agreement,
      and(
        eq(agreement.clientOrgId, workOrders.clientOrgId),
        eq(agreement.contractorOrgId, workOrders.contractorOrgId),
      ),
    )
    .where(listWhere(scope, filter, { search: !search }))
    .orderBy(
      filter.order === 'asc' ? sql`${column} asc nulls last` : sql`${column} desc nulls last`,
      direction(workOrders.createdAt),
      direction(workOrders.id),
    )
    .limit(filter.limit)
    .offset(filter.offset);
});

/** The total from the tallies, when they can tell it (see listWorkOrders); null when they cannot. */
function talliedTotal(scope: Scope, filter: ListQueryFilter): SQL | null {
  if (filter.tsquery || filter.bundle || filter.propertyId || filter.overdue) return null;
  const { actor } = scope;
  const t = workOrderCounts;
  let own: SQL;
  if (actor.orgKind === 'client') own = eq(t.clientOrgId, actor.orgId);
  else if (
    actor.orgKind === 'contractor' &&
    actor.role !== 'technician' &&
    filter.statuses.every((s) => (activeStatuses as readonly string[]).includes(s))
  )
    own = eq(t.contractorOrgId, actor.orgId);
  else return null;
  const where = and(
    own,
    oneOf(t.status, filter.statuses),
    filter.types?.length ? oneOf(t.type, filter.types) : undefined,
    filter.clientOrgId ? eq(t.clientOrgId, filter.clientOrgId) : undefined,
    filter.contractorOrgId ? eq(t.contractorOrgId, filter.contractorOrgId) : undefined,
  );
  return sql`(select coalesce(sum(${t.n}), 0) from ${t} where ${where})`;
}

export type WorkOrderListRow = Awaited<ReturnType<typeof listWorkOrders>>['rows'][number];

export type DashboardFilter = Pick<ListFilter, 'clientOrgId' | 'contractorOrgId' | 'propertyId' | 'overdue'>;

/** The list's narrowing filters, without status, type or search: what the dashboard counts within. */
function narrowing(scope: Scope, filter: DashboardFilter): (SQL | undefined)[] {
  const flags = overdueFlags(scope.today);
  return [
    filter.clientOrgId ? eq(workOrders.clientOrgId, filter.clientOrgId) : undefined,
    filter.contractorOrgId ? eq(workOrders.contractorOrgId, filter.contractorOrgId) : undefined,
    filter.propertyId ? eq(workOrders.propertyId, filter.propertyId) : undefined,
    filter.overdue === 'contact' ? flags.contactOverdue : undefined,
    filter.overdue === 'delivery' ? flags.deliveryOverdue : undefined,
    filter.overdue === 'any' ? sql`(${flags.contactOverdue} or ${flags.deliveryOverdue})` : undefined,
  ];
}

const CLOSED_STATUSES: WorkOrderStatus[] = ['done', 'declined', 'invoiced', 'cancelled'];

/**
 * Counts per status × type, and per counterpart (client or contractor), of the orders in reach. The
 * tallies the database keeps per client × contractor × status × type answer a client's counts and a
 * contractor's active ones in a few rows; what they cannot tell is counted over the orders: a
 * contractor's closed orders (only those within each agreement's window count), a technician's own,
 * and counts narrowed by property or by overdue dates.
 */
export async function countByStatusAndType(db: Executor, scope: Scope, filter: DashboardFilter = {}) {
  const { actor } = scope;
  const byTallies = !filter.propertyId && !filter.overdue;
  const pair = and(
    filter.clientOrgId ? eq(workOrderCounts.clientOrgId, filter.clientOrgId) : undefined,
    filter.contractorOrgId ? eq(workOrderCounts.contractorOrgId, filter.contractorOrgId) : undefined,
  );
  if (byTallies && actor.orgKind === 'client') {
    return tallied(
      db,
      and(eq(workOrderCounts.clientOrgId, actor.orgId), pair)!,
      workOrderCounts.contractorOrgId,
    );
  }
  if (byTallies && actor.orgKind === 'contractor' && actor.role !== 'technician') {
    const [open, closed] = await Promise.all([
      tallied(
        db,
        and(
          eq(workOrderCounts.contractorOrgId, actor.orgId),
          oneOf(workOrderCounts.status, activeStatuses),
          pair,
        )!,
        workOrderCounts.clientOrgId,
      ),
      counted(db, scope, filter, oneOf(workOrders.status, CLOSED_STATUSES)),
    ]);
    return [...open, ...closed];
  }
  return counted(db, scope, filter);
}

/** One counterpart's counts: `cells` maps `status|type` to a number (only the cells that are not 0). */
export type CountRow = {
  counterpartId: string | null;
  counterpartName: string | null;
  cells: Record<string, number>;
};

/** Counts from the tallies, one row per counterpart (a few dozen rows rather than every cell). */
function tallied(
  db: Executor,
  where: SQL,
  counterpart: typeof workOrderCounts.contractorOrgId | typeof workOrderCounts.clientOrgId,
): Promise<CountRow[]> {
  const t = workOrderCounts;
  return perCounterpart(
    db,
    sql`select ${counterpart} as counterpart, ${t.status} as status, ${t.type} as type, sum(${t.n})::int as n
        from ${t} where ${where} group by 1, 2, 3 having sum(${t.n}) > 0`,
  );
}

function counted(db: Executor, scope: Scope, filter: DashboardFilter, extra?: SQL): Promise<CountRow[]> {
  const counterpart = scope.actor.orgKind === 'client' ? workOrders.contractorOrgId : workOrders.clientOrgId;
  return perCounterpart(
    db,
    sql`select ${counterpart} as counterpart, ${workOrders.status} as status, ${workOrders.type} as type,
          count(*)::int as n
        from ${workOrders} where ${and(workOrderAccess(scope), ...narrowing(scope, filter), extra)}
        group by 1, 2, 3`,
  );
}

function perCounterpart(db: Executor, cells: SQL): Promise<CountRow[]> {
  return queryRows<CountRow>(
    db,
    sql`select c.counterpart as "counterpartId", o.name as "counterpartName",
          json_object_agg(c.status || '|' || c.type, c.n) as cells
        from (${cells}) c left join ${organizations} o on o.id = c.counterpart
        group by c.counterpart, o.name`,
  );
}

/** One order the actor can reach, with the names and agreement terms it shows. */
export async function findWorkOrder(db: Executor, scope: Scope, id: string) {
  const [row] = await oneOrder(db, scopeShape(scope), { ...scopeValues(scope), id });
  return row;
}

const oneOrder = shapedQuery((db: Executor, scope: Scope) =>
  db
    .select({
      order: workOrders,
      clientName: clientOrg.name,
      contractorName: contractorOrg.name,
      contactName: contactUser.name,
      ordererName: ordererUser.name,
      agreement: {
        requireFaultType: agreement.requireFaultType,
        requireRootCause: agreement.requireRootCause,
        faultTypes: agreement.faultTypes,
        rootCauses: agreement.rootCauses,
        phrases: agreement.phrases,
        invoiceReferenceTemplate: agreement.invoiceReferenceTemplate,
        invoiceMarking: agreement.invoiceMarking,
        projectNumber: agreement.projectNumber,
        invoiceAddress: agreement.invoiceAddress,
        completedVisibleDays: agreement.completedVisibleDays,
      },
      ...overdueFlags(scope.today),
    })
    .from(workOrders)
    .innerJoin(clientOrg, eq(clientOrg.id, workOrders.clientOrgId))
    .leftJoin(contractorOrg, eq(contractorOrg.id, workOrders.contractorOrgId))
    .leftJoin(contactUser, eq(contactUser.id, workOrders.contractorContactUserId))
    .leftJoin(ordererUser, eq(ordererUser.id, workOrders.orderedByUserId))
    .leftJoin(
      agreement,
      and(
        eq(agreement.clientOrgId, workOrders.clientOrgId),
        eq(agreement.contractorOrgId, workOrders.contractorOrgId),
      ),
    )
    .where(and(workOrderAccess(scope), eq(workOrders.id, slot<string>('id')))),
);

/** Locks the order row for the rest of the transaction; null when the actor cannot reach it. */
export async function lockWorkOrder(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(workOrders)
    .where(and(workOrderAccess(scope), eq(workOrders.id, id)))
    .for('update');
  return row ?? null;
}

/** The orders of a bundle the actor can reach, locked, oldest number first. */
export async function lockBundle(db: Executor, scope: Scope, bundleNumber: string) {
  return db
    .select()
    .from(workOrders)
    .where(and(workOrderAccess(scope), eq(workOrders.bundleNumber, bundleNumber)))
    .orderBy(asc(workOrders.number))
    .for('update');
}

export async function listBundle(db: Executor, scope: Scope, bundleNumber: string) {
  return db
    .select({ id: workOrders.id, number: workOrders.number, status: workOrders.status })
    .from(workOrders)
    .where(and(workOrderAccess(scope), eq(workOrders.bundleNumber, bundleNumber)))
    .orderBy(asc(workOrders.number));
}

export async function listEvents(
  db: Executor,
  workOrderId: string,
  visibilities: ('internal' | 'shared' | 'tenant')[],
) {
  return eventLog(db, { visibilities }, { workOrderId });
}

const actorOrg = alias(organizations, 'actor_org');

const eventLog = shapedQuery((db: Executor, shape: { visibilities: ('internal' | 'shared' | 'tenant')[] }) =>
  db
    .select({
      id: workOrderEvents.id,
      type: workOrderEvents.type,
      fromStatus: workOrderEvents.fromStatus,
      toStatus: workOrderEvents.toStatus,
      reason: workOrderEvents.reason,
      visibility: workOrderEvents.visibility,
      data: workOrderEvents.data,
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
      and(
        eq(workOrderEvents.workOrderId, slot<string>('workOrderId')),
        inArray(workOrderEvents.visibility, shape.visibilities),
      ),
    )
    .orderBy(desc(workOrderEvents.createdAt), desc(workOrderEvents.id)),
);

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

/**
 * Mina företag: active orders, orders past a date, and unanswered questions on orders in reach — one
 * query per company.
 */
export async function countOverview(db: Executor, scope: Scope) {
  const flags = overdueFlags(scope.today);
  const open = db
    .select({ workOrderId: workOrderQuestions.workOrderId, n: count().as('n') })
    .from(workOrderQuestions)
    .where(isNull(workOrderQuestions.answeredAt))
    .groupBy(workOrderQuestions.workOrderId)
    .as('open_questions');
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${workOrders.status} in ('new', 'accepted', 'material_ordered', 'reporter_unreachable'))`,
      overdue: sql<number>`count(*) filter (where ${flags.contactOverdue} or ${flags.deliveryOverdue})`,
      openQuestions: sql<number>`coalesce(sum(${open.n}), 0)`,
    })
    .from(workOrders)
    .leftJoin(open, eq(open.workOrderId, workOrders.id))
    .where(workOrderAccess(scope));
  return {
    activeOrders: Number(row?.active ?? 0),
    overdueOrders: Number(row?.overdue ?? 0),
    openQuestions: Number(row?.openQuestions ?? 0),
  };
}
