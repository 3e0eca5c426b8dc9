import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit log (security.md 31): logins, second-factor failures, invitations, role changes,
 * cross-company denials and other account events — who, what, which company, when (UTC). Rows are
 * never updated or deleted; they outlive a deleted user (whose personal fields are pseudonymised).
 * `detail` never holds passwords, codes or tokens.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    /** Who did it; null when nobody was logged in (a failed login for an unknown name). */
    actorUserId: uuid('actor_user_id'),
    /** The company it concerns, when there is one. */
    orgId: uuid('org_id'),
    /** The user it was done to (role changed, disabled, invited), when there is one. */
    targetUserId: uuid('target_user_id'),
    ip: text('ip'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_org_at_idx').on(t.orgId, t.at.desc()),
    index('audit_events_at_idx').on(t.at.desc()),
    index('audit_events_actor_idx').on(t.actorUserId, t.at.desc()),
  ],
);
