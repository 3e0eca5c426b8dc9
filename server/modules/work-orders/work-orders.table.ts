import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type phoneKinds,
  priorities,
  workOrderStatuses,
  workOrderTypes,
} from '../../../contract/work-orders.ts';
import { users } from '../identity/identity.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { properties, registerObjects, units } from '../properties/properties.table.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The words the inbox search looks in, stemmed with PostgreSQL's Swedish configuration so that
 * "blandaren" finds "blandare". Kept by the database itself as a generated column. The AO-nr, the
 * external reference (split at - / . into its digit groups) and the object number are words too, so a
 * number or the start of one is found through the same index as the words.
 */
const searchDocument = sql`to_tsvector('swedish'::regconfig,
  number::text || ' ' || translate(coalesce(external_ref, ''), '-/.', '   ') || ' ' || coalesce(object_number, '') || ' ' ||
  description || ' ' || coalesce(phrase, '') || ' ' || property_name || ' ' || coalesce(owner_name, '') || ' ' ||
  street || ' ' || coalesce(city, '') || ' ' || reporter_name)`;

export type StoredPhone = { kind: (typeof phoneKinds)[number]; number: string; preferred: boolean };

/**
 * A work order. Address, tenant and access details are a snapshot taken when the order is made, so a
 * later change in the register does not rewrite what the contractor was sent.
 */
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientOrgId: uuid('client_org_id')
      .notNull()
      .references(() => organizations.id),
    contractorOrgId: uuid('contractor_org_id').references(() => organizations.id),
    /** AO-nr: sequential per client, never reused. */
    number: integer('number').notNull(),
    externalRef: text('external_ref'),
    status: text('status', { enum: workOrderStatuses }).notNull(),
    type: text('type', { enum: workOrderTypes }).notNull(),
    priority: text('priority', { enum: priorities }).notNull(),
    billable: boolean('billable').notNull(),
    description: text('description').notNull(),
    phrase: text('phrase'),

    propertyName: text('property_name').notNull(),
    ownerName: text('owner_name'),
    street: text('street').notNull(),
    postalCode: text('postal_code'),
    city: text('city'),
    /** Where in the register the order points, when it was made from it (the snapshot fields still rule). */
    propertyId: uuid('property_id').references(() => properties.id, { onDelete: 'set null' }),
    objectId: uuid('object_id').references(() => registerObjects.id, { onDelete: 'set null' }),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    objectNumber: text('object_number'),
    objectType: text('object_type'),
    floor: text('floor'),
    room: text('room'),
    unit: text('unit'),
    unitType: text('unit_type'),
    unitIsAppliance: boolean('unit_is_appliance').notNull().default(false),
    unitInstalledOn: date('unit_installed_on'),
    unitLastMaintenanceOn: date('unit_last_maintenance_on'),
    accessToApartment: text('access_to_apartment'),
    keyInfo: text('key_info'),
    entryWithoutTenant: boolean('entry_without_tenant'),
    preferredTime: text('preferred_time'),

    reporterName: text('reporter_name').notNull(),
    reporterPhones: jsonb('reporter_phones').$type<StoredPhone[]>().notNull(),
    reporterEmail: text('reporter_email'),
    reporterMoveInOn: date('reporter_move_in_on'),
    clientContactName: text('client_contact_name'),
    clientContactEmail: text('client_contact_email'),
    clientContactPhone: text('client_contact_phone'),
    /** {object number}-{YYYYMMDD}: orders on one object sent the same day. */
    bundleNumber: text('bundle_number'),
    /** Set when the contractor registered the order itself (Registrera arbetsorder). */
    registeredByOrgId: uuid('registered_by_org_id').references(() => organizations.id),

    orderedByUserId: uuid('ordered_by_user_id').references(() => users.id),
    contractorContactUserId: uuid('contractor_contact_user_id').references(() => users.id),

    orderedAt: timestamp('ordered_at', { withTimezone: true }),
    contactBy: date('contact_by'),
    deliverBy: date('deliver_by'),
    bookedAt: timestamp('booked_at', { withTimezone: true }),
    plannedAt: date('planned_at'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** When the order left the active statuses (done, declined, cancelled); the visibility window counts from it. */
    closedAt: timestamp('closed_at', { withTimezone: true }),

    actionDescription: text('action_description'),
    faultType: text('fault_type'),
    rootCause: text('root_cause'),
    model: text('model'),
    serialNumber: text('serial_number'),

    /**
     * The random token in the order's reply address (reply+<token>@…), set with the first message.
     * Kept as is: the server writes it into every message it sends about the order.
     */
    replyToken: text('reply_token'),
    /** Bumped by every change; the ETag of the order. */
    version: integer('version').notNull().default(1),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    search: tsvector('search').notNull().generatedAlwaysAs(searchDocument),
  },
  (t) => [
    uniqueIndex('work_orders_client_number_idx').on(t.clientOrgId, t.number),
    // Lists in their default order (newest first, as listWorkOrders sorts them): a page is the first
    // entries that pass the filters, read in order; the partial indexes hold the active orders only.
    index('work_orders_contractor_order_idx').on(
      t.contractorOrgId,
      t.orderedAt.desc().nullsLast(),
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('work_orders_client_order_idx').on(
      t.clientOrgId,
      t.orderedAt.desc().nullsLast(),
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('work_orders_contractor_active_idx')
      .on(
        t.contractorOrgId,
        t.orderedAt.desc().nullsLast(),
        t.createdAt.desc().nullsFirst(),
        t.id.desc().nullsFirst(),
      )
      .where(sql`${t.status} in ('new', 'accepted', 'material_ordered', 'reporter_unreachable')`),
    index('work_orders_client_active_idx')
      .on(
        t.clientOrgId,
        t.orderedAt.desc().nullsLast(),
        t.createdAt.desc().nullsFirst(),
        t.id.desc().nullsFirst(),
      )
      .where(sql`${t.status} in ('draft', 'new', 'accepted', 'material_ordered', 'reporter_unreachable')`),
    // What a contractor still sees: open orders (closed_at null) and those closed within the window;
    // with client, status and type the dashboard counts the closed ones from the index alone.
    index('work_orders_contractor_closed_idx').on(
      t.contractorOrgId,
      t.closedAt,
      t.clientOrgId,
      t.status,
      t.type,
    ),
    index('work_orders_contact_idx')
      .on(t.contractorContactUserId, t.status)
      .where(sql`${t.contractorContactUserId} is not null`),
    index('work_orders_bundle_idx').on(t.bundleNumber).where(sql`${t.bundleNumber} is not null`),
    // The search document's words once per side, each prefixed with its company's key (migration
    // 0011, decision 0015): a search reads only its own company's entries of the index. The
    // contractor's key also says when the order closed, in 30-day periods (migration 0012): a
    // contractor's search reads only the periods its windows can still show.
    // Without GIN's pending list (fastupdate): every search would read all of it, and at a million
    // orders a day's writes made it 441 pages, tripling the search's time until a vacuum (decision 0017).
    index('work_orders_scoped_search_idx')
      .using(
        'gin',
        sql`work_order_scoped_search(${t.clientOrgId}, ${t.contractorOrgId}, ${t.closedAt}, ${t.search})`,
      )
      .with({ fastupdate: false }),
    uniqueIndex('work_orders_reply_token_idx').on(t.replyToken).where(sql`${t.replyToken} is not null`),
    index('work_orders_unit_idx').on(t.unitId, t.completedAt).where(sql`${t.unitId} is not null`),
    index('work_orders_property_idx').on(t.propertyId).where(sql`${t.propertyId} is not null`),
  ],
);

export type WorkOrderRow = typeof workOrders.$inferSelect;

export const workOrderEvents = pgTable(
  'work_order_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    /** created, dispatched, status_changed, mail_failed, … */
    type: text('type').notNull(),
    fromStatus: text('from_status', { enum: workOrderStatuses }),
    toStatus: text('to_status', { enum: workOrderStatuses }),
    reason: text('reason'),
    /** internal: the contractor only; shared: both companies; tenant: also the tenant's link. */
    visibility: text('visibility', { enum: ['internal', 'shared', 'tenant'] })
      .notNull()
      .default('shared'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrgId: uuid('actor_org_id').references(() => organizations.id),
    data: jsonb('data'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('work_order_events_order_idx').on(t.workOrderId, t.createdAt)],
);

/** The last AO-nr handed out per client; the row lock on it serialises numbering. */
export const workOrderCounters = pgTable('work_order_counters', {
  clientOrgId: uuid('client_org_id')
    .primaryKey()
    .references(() => organizations.id),
  lastNumber: integer('last_number').notNull(),
});

/**
 * How many orders each client has with each contractor per status and type: the dashboard's counts,
 * read in a few rows instead of counted over every order. Kept by a trigger on work_orders (migration
 * 0008), so every way an order changes keeps it right; drafts without a contractor count under null.
 */
export const workOrderTallies = pgTable(
  'work_order_tallies',
  {
    clientOrgId: uuid('client_org_id').notNull(),
    contractorOrgId: uuid('contractor_org_id'),
    status: text('status', { enum: workOrderStatuses }).notNull(),
    type: text('type', { enum: workOrderTypes }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    unique('work_order_tallies_key')
      .on(t.clientOrgId, t.contractorOrgId, t.status, t.type)
      .nullsNotDistinct(),
    index('work_order_tallies_contractor_idx').on(t.contractorOrgId, t.status),
  ],
);

/**
 * Changes to the tallies not yet folded into them (migration 0010). A write adds its ±1 here, an
 * insert no other write waits for; the one write at a time that holds the fold's advisory lock moves
 * the rows into work_order_tallies. Readers read both through the work_order_counts view.
 */
export const workOrderTallyDeltas = pgTable(
  'work_order_tally_deltas',
  {
    clientOrgId: uuid('client_org_id').notNull(),
    contractorOrgId: uuid('contractor_org_id'),
    status: text('status', { enum: workOrderStatuses }).notNull(),
    type: text('type', { enum: workOrderTypes }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    index('work_order_tally_deltas_client_idx').on(t.clientOrgId),
    index('work_order_tally_deltas_contractor_idx').on(t.contractorOrgId, t.status),
  ],
);

/** The tallies with their unfolded changes: sum `n` per key for the count (created in migration 0010). */
export const workOrderCounts = pgView('work_order_counts', {
  clientOrgId: uuid('client_org_id').notNull(),
  contractorOrgId: uuid('contractor_org_id'),
  status: text('status', { enum: workOrderStatuses }).notNull(),
  type: text('type', { enum: workOrderTypes }).notNull(),
  n: integer('n').notNull(),
}).existing();
