import { createHash } from 'node:crypto';
import type { ActiveSession } from '../../../contract/account.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { Executor } from '../../platform/db.ts';
import { problems } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  deleteSession,
  deleteSessionsOfUser,
  insertSession,
  listSessionsOfUser,
} from './identity.repository.ts';
import type { IdentityDeps } from './identity.usecases.ts';

export type RequestInfo = { userAgent?: string; ip?: string };

/**
 * Starts a session with a fresh random id (security.md 10) and ends the one it replaces, if any.
 * Returns the token for the cookie; the database keeps only its hash.
 */
export async function startSession(
  tx: Executor,
  args: {
    userId: string;
    stage: 'password' | 'complete';
    now: Date;
    replacesTokenHash?: string | null;
    request: RequestInfo;
    smsCodeHash?: string | null;
    smsCodeExpiresAt?: Date | null;
  },
): Promise<{ token: string; tokenHash: string }> {
  if (args.replacesTokenHash) await deleteSession(tx, args.replacesTokenHash);
  const token = newToken();
  const tokenHash = hashToken(token);
  await insertSession(tx, {
    tokenHash,
    userId: args.userId,
    stage: args.stage,
    createdAt: args.now,
    lastSeenAt: args.now,
    userAgent: args.request.userAgent?.slice(0, 300) ?? null,
    ip: args.request.ip ?? null,
    smsCodeHash: args.smsCodeHash ?? null,
    smsCodeExpiresAt: args.smsCodeExpiresAt ?? null,
  });
  return { token, tokenHash };
}

/** The id shown for a session: derived from the token hash, so it cannot be turned into a cookie. */
export function publicSessionId(tokenHash: string): string {
  return createHash('sha256').update(`session-id:${tokenHash}`).digest('hex').slice(0, 32);
}

/** "Firefox på Windows": enough to recognise one's own devices, no fingerprinting. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return '?';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

export async function listSessions(
  deps: IdentityDeps,
  args: { userId: string; currentTokenHash: string },
): Promise<ActiveSession[]> {
  const rows = await listSessionsOfUser(deps.db, args.userId);
  return rows
    .filter((s) => s.stage === 'complete')
    .map((s) => ({
      id: publicSessionId(s.tokenHash),
      device: describeDevice(s.userAgent),
      ip: s.ip,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.tokenHash === args.currentTokenHash,
    }));
}

/** "Logga ut överallt annars": every session but this one ends. */
export async function endOtherSessions(
  deps: IdentityDeps,
  args: { userId: string; currentTokenHash: string; ip?: string },
) {
  await deps.db.transaction(async (tx) => {
    await deleteSessionsOfUser(tx, args.userId, args.currentTokenHash);
    await recordAudit(tx, {
      at: deps.clock.now(),
      action: 'sessions.ended_elsewhere',
      actorUserId: args.userId,
      targetUserId: args.userId,
      ip: args.ip,
    });
  });
}

/** Ends one of the user's sessions by its shown id; another user's id is simply not found. */
export async function endSession(deps: IdentityDeps, args: { userId: string; id: string; ip?: string }) {
  const rows = await listSessionsOfUser(deps.db, args.userId);
  const target = rows.find((s) => publicSessionId(s.tokenHash) === args.id);
  if (!target) throw problems.notFound();
  await deps.db.transaction(async (tx) => {
    await deleteSession(tx, target.tokenHash);
    await recordAudit(tx, {
      at: deps.clock.now(),
      action: 'sessions.ended_elsewhere',
      actorUserId: args.userId,
      targetUserId: args.userId,
      ip: args.ip,
      detail: { sessions: 1 },
    });
  });
}
