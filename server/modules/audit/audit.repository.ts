import { and, count, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../platform/db.ts';
import { users } from '../identity/identity.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { auditEvents } from './audit.table.ts';

const actorUser = alias(users, 'actor_user');
const targetUser = alias(users, 'target_user');

/**
 * What the audit log records (security.md 31). Add an action here before writing it, so the audit
 * page can name every action it shows.
 */
export const auditActions = [
  'login.succeeded',
  'login.failed',
  'login.throttled',
  'second_factor.failed',
  'second_factor.enabled',
  'second_factor.disabled',
  'recovery_code.used',
  'password.changed',
  'password.reset_requested',
  'password.reset',
  'email.change_requested',
  'email.changed',
  'sessions.ended_elsewhere',
  'invitation.sent',
  'invitation.resent',
  'invitation.revoked',
  'invitation.redeemed',
  'user.created',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'user.removed',
  'user.deleted',
  'organization.created',
  'organization.settings_changed',
  'contractor.invited',
  'tenant.denied',
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditEntry = {
  at: Date;
  action: AuditAction;
  actorUserId?: string | null;
  orgId?: string | null;
  targetUserId?: string | null;
  ip?: string | null;
  /** Never passwords, codes, tokens or personal identity numbers. */
  detail?: Record<string, unknown>;
};

/** Writes one audit row; inside the command's transaction when given one, so both land or neither. */
export async function recordAudit(db: Executor, entry: AuditEntry) {
  await db.insert(auditEvents).values({
    at: entry.at,
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    orgId: entry.orgId ?? null,
    targetUserId: entry.targetUserId ?? null,
    ip: entry.ip ?? null,
    detail: entry.detail ?? {},
  });
}

/** One page of the audit log, newest first: one company's events, or all (for the operator). */
export async function listAuditEvents(
  db: Executor,
  args: { orgId?: string; action?: string; limit: number; offset: number },
) {
  const where = and(
    args.orgId ? eq(auditEvents.orgId, args.orgId) : undefined,
    args.action ? eq(auditEvents.action, args.action) : undefined,
  );
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorName: actorUser.name,
      orgId: auditEvents.orgId,
      orgName: organizations.name,
      targetName: targetUser.name,
      ip: auditEvents.ip,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId))
    .leftJoin(targetUser, eq(targetUser.id, auditEvents.targetUserId))
    .leftJoin(organizations, eq(organizations.id, auditEvents.orgId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(args.limit)
    .offset(args.offset);
  const [total] = await db.select({ n: count() }).from(auditEvents).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}
