import type { Executor } from '../../platform/db.ts';
import { auditEvents } from './audit.table.ts';

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
