/** Reading work orders: the inbox, one order, the dashboard. Commands are in work-orders.commands.ts. */
import type { z } from 'zod';
import {
  activeStatuses,
  type Dashboard,
  type DashboardTable,
  type listWorkOrdersQuerySchema,
  type WorkOrder,
  type WorkOrderList,
  type WorkOrderStatus,
  workOrderStatuses,
  workOrderTypes,
} from '../../../contract/work-orders.ts';
import type { Clock } from '../../platform/clock.ts';
import { stockholmDate } from '../../platform/dates.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { canReadWorkOrders } from './work-orders.policy.ts';
import {
  countByStatusAndType,
  type DashboardFilter,
  findWorkOrder,
  type ListFilter,
  listBundle,
  listEvents,
  listWorkOrders as listWorkOrderRows,
  type Scope,
} from './work-orders.repository.ts';
import { toListItem, toWorkOrder } from './work-orders.view.ts';

export type WorkOrderDeps = { db: Database; clock: Clock; publicUrl: string };

export const notPermitted = defineProblem({
  status: 403,
  code: 'work_orders.not_permitted',
  title: {
    sv: 'Din roll får inte göra detta med arbetsordern',
    en: 'Your role may not do this with the work order',
  },
});

export function scopeOf(actor: Actor, clock: Clock): Scope {
  return { actor, today: stockholmDate(clock.now()) };
}

const CLOSED: WorkOrderStatus[] = ['done', 'declined', 'invoiced', 'cancelled'];

function statusesForView(actor: Actor, view: 'active' | 'completed' | 'all'): WorkOrderStatus[] {
  if (view === 'completed') return CLOSED;
  if (view === 'all') return [...workOrderStatuses];
  // The client's own drafts are work in hand, so they belong with the active orders.
  return actor.orgKind === 'client' ? ['draft', ...activeStatuses] : [...activeStatuses];
}

export type ListQuery = z.output<typeof listWorkOrdersQuerySchema>;

export function listFilterOf(actor: Actor, query: ListQuery): ListFilter | null {
  const inView = statusesForView(actor, query.view);
  const statuses = query.status ? inView.filter((s) => query.status!.includes(s)) : inView;
  if (statuses.length === 0) return null;
  return {
    statuses,
    types: query.type,
    q: query.q,
    clientOrgId: query.clientOrgId,
    contractorOrgId: query.contractorOrgId,
    bundle: query.bundle,
    propertyId: query.propertyId,
    overdue: query.overdue,
    sort: query.sort,
    order: query.order,
    limit: query.limit,
    offset: query.offset,
  };
}

export async function listWorkOrders(
  deps: Pick<WorkOrderDeps, 'db' | 'clock'>,
  args: { actor: Actor; query: ListQuery },
): Promise<WorkOrderList> {
  const { actor, query } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const filter = listFilterOf(actor, query);
  if (!filter) return { items: [], total: 0 };
  const { rows, total } = await listWorkOrderRows(deps.db, scopeOf(actor, deps.clock), filter);
  return { items: rows.map((row) => toListItem(row, actor)), total };
}

export async function getWorkOrder(
  deps: Pick<WorkOrderDeps, 'db' | 'clock'>,
  args: { actor: Actor; id: string; db?: Executor },
): Promise<WorkOrder> {
  const { actor, id } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const db = args.db ?? deps.db;
  const scope = scopeOf(actor, deps.clock);
  const found = await findWorkOrder(db, scope, id);
  if (!found) throw problems.notFound();
  // Internal notes are the contractor's own; the client sees only what is shared.
  const visibilities: ('internal' | 'shared' | 'tenant')[] =
    actor.orgKind === 'contractor' ? ['internal', 'shared', 'tenant'] : ['shared', 'tenant'];
  const [events, bundle] = await Promise.all([
    listEvents(db, id, visibilities),
    found.order.bundleNumber ? listBundle(db, scope, found.order.bundleNumber) : Promise.resolve([]),
  ]);
  return toWorkOrder({ found, events, bundle, actor });
}

type Counts = DashboardTable['totals']['counts'];
const ZERO_COUNTS = Object.freeze(Object.fromEntries(workOrderTypes.map((t) => [t, 0])) as Counts);
const zeroCounts = (): Counts => ({ ...ZERO_COUNTS });
// One collator for every sort: localeCompare with a locale builds a new one per comparison.
const swedishOrder = new Intl.Collator('sv');

type Row = DashboardTable['rows'][number];
type WorkOrderType = (typeof workOrderTypes)[number];
/** A table being filled: its rows by the status's place in the status machine. */
type Filling = { rows: (Row | undefined)[]; totals: DashboardTable['totals'] };
const STATUS_PLACE = new Map<string, number>(workOrderStatuses.map((s, i) => [s, i]));

function emptyTable(): Filling {
  return { rows: [], totals: { counts: zeroCounts(), total: 0 } };
}

function addCount(table: Filling, status: WorkOrderStatus, type: WorkOrderType, n: number) {
  const place = STATUS_PLACE.get(status)!;
  let row = table.rows[place];
  if (!row) {
    row = { status, counts: zeroCounts(), total: 0 };
    table.rows[place] = row;
  }
  row.counts[type] += n;
  row.total += n;
  table.totals.counts[type] += n;
  table.totals.total += n;
}

/** "accepted|repair" → its status and type, split once per cell name rather than once per cell. */
const cellNames = new Map<string, [WorkOrderStatus, WorkOrderType]>();
function cellOf(name: string): [WorkOrderStatus, WorkOrderType] {
  let cell = cellNames.get(name);
  if (!cell) {
    cell = name.split('|') as [WorkOrderStatus, WorkOrderType];
    // Only the codes of the status machine and the types come from the database; the cap is a guard.
    if (cellNames.size < 1000) cellNames.set(name, cell);
  }
  return cell;
}

/**
 * Familjebostäder's start page: how many orders per status and type, with row and column totals,
 * for the whole company and per counterpart (each client for a contractor, each contractor for a client).
 */
export async function getDashboard(
  deps: Pick<WorkOrderDeps, 'db' | 'clock'>,
  args: { actor: Actor; filter?: DashboardFilter },
): Promise<Dashboard> {
  const { actor } = args;
  if (!canReadWorkOrders(actor)) throw notPermitted();
  const counts = await countByStatusAndType(deps.db, scopeOf(actor, deps.clock), args.filter);
  const statuses =
    actor.orgKind === 'client' ? [...workOrderStatuses] : workOrderStatuses.filter((s) => s !== 'draft');
  const all = emptyTable();
  const byId = new Map<string, { org: { id: string; name: string }; table: Filling }>();
  for (const c of counts) {
    let entry = c.counterpartId ? byId.get(c.counterpartId) : undefined;
    if (c.counterpartId && !entry) {
      entry = { org: { id: c.counterpartId, name: c.counterpartName ?? '' }, table: emptyTable() };
      byId.set(c.counterpartId, entry);
    }
    for (const name in c.cells) {
      const n = c.cells[name]!;
      const [status, type] = cellOf(name);
      addCount(all, status, type, n);
      if (entry) addCount(entry.table, status, type, n);
    }
  }
  // Every status gets a row, zeros included, in the order of the status machine.
  const complete = (table: Filling): DashboardTable => ({
    rows: statuses.map(
      (status) => table.rows[STATUS_PLACE.get(status)!] ?? { status, counts: zeroCounts(), total: 0 },
    ),
    totals: table.totals,
  });
  return {
    types: [...workOrderTypes],
    all: complete(all),
    byCounterpart: [...byId.values()]
      .sort((a, b) => swedishOrder.compare(a.org.name, b.org.name))
      .map((e) => ({ org: e.org, table: complete(e.table) })),
  };
}
