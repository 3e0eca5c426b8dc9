import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { defaultFaultTypes, defaultRootCauses } from '../../../contract/agreements.ts';
import { orgKinds, roles } from '../../../contract/organizations.ts';
import { users } from '../identity/identity.table.ts';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: orgKinds }).notNull(),
    name: text('name').notNull(),
    /** Swedish organisationsnummer, NNNNNN-NNNN. */
    orgNumber: text('org_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('organizations_org_number_idx').on(t.orgNumber)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.orgId] }), index('memberships_org_idx').on(t.orgId, t.role)],
);

/**
 * An agreement: a client works with a contractor, and only contractors it has an agreement with can
 * be sent its orders. The agreement's terms (SLA, invoicing, close-out lists) are added as they are built.
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
