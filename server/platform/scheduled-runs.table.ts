import { date, pgTable, text } from 'drizzle-orm/pg-core';

/** The last day each daily task ran: so it runs once a day, however many instances are up. */
export const scheduledRuns = pgTable('scheduled_runs', {
  name: text('name').primaryKey(),
  lastRunOn: date('last_run_on').notNull(),
});
