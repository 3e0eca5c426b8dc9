import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  defaultFaultTypes,
  defaultPhrases,
  defaultRootCauses,
  defaultSlaRules,
  type SlaRules,
} from '../../../contract/agreements.values.ts';
import { type WorkOrderType, workOrderTypes } from '../../../contract/work-orders.values.ts';
import { organizations } from '../organizations/organizations.table.ts';

/**
 * An agreement: a client works with a contractor, and only contractors it has an agreement with can
 * be sent its orders. Its terms: the order types covered, SLA rules, close-out lists and
 * requirements, ready phrases, how long closed orders stay with the contractor, invoicing.
 */
export const agreements = pgTable(
  'agreements',
  {
    clientOrgId: uuid('client_org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    contractorOrgId: uuid('contractor_org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    /** The order types the agreement covers; only these can be sent to the contractor. */
    orderTypes: jsonb('order_types')
      .$type<WorkOrderType[]>()
      .notNull()
      .default([...workOrderTypes]),
    /** Per priority: contact-by and deliver-by as N working or calendar days after the order is sent. */
    slaRules: jsonb('sla_rules').$type<SlaRules>().notNull().default(defaultSlaRules),
    phrases: jsonb('phrases')
      .$type<string[]>()
      .notNull()
      .default([...defaultPhrases]),
    /** How long done, declined and cancelled orders stay in the contractor's lists (days from closing). */
    completedVisibleDays: integer('completed_visible_days').notNull().default(180),
    requireFaultType: boolean('require_fault_type').notNull().default(false),
    requireRootCause: boolean('require_root_cause').notNull().default(false),
    faultTypes: jsonb('fault_types')
      .$type<string[]>()
      .notNull()
      .default([...defaultFaultTypes]),
    rootCauses: jsonb('root_causes')
      .$type<string[]>()
      .notNull()
      .default([...defaultRootCauses]),
    /** Referensnummer template; {number} is the AO-nr. No spaces or dashes, as the guides insist. */
    invoiceReferenceTemplate: text('invoice_reference_template').notNull().default('AO{number}'),
    invoiceMarking: text('invoice_marking'),
    projectNumber: text('project_number'),
    invoiceAddress: text('invoice_address'),
  },
  (t) => [
    primaryKey({ columns: [t.clientOrgId, t.contractorOrgId] }),
    index('agreements_contractor_idx').on(t.contractorOrgId),
  ],
);
