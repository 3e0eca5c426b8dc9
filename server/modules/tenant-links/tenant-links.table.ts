import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workOrders } from '../work-orders/work-orders.table.ts';

/** The reporter's private link to one order. Only the token's SHA-256 is kept. */
export const tenantLinks = pgTable('tenant_links', {
  workOrderId: uuid('work_order_id')
    .primaryKey()
    .references(() => workOrders.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
