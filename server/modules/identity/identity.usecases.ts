import type { OrgKind, Role } from '../../../contract/organizations.ts';
import type { Me } from '../../../contract/session.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { hashToken } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { defineProblem } from '../../platform/errors.ts';
import { listMembershipsOfUser } from '../organizations/organizations.repository.ts';
import {
  deleteSession,
  findLiveSession,
  findUserById,
  insertUser,
  touchSession,
} from './identity.repository.ts';
import { type SessionGate, sessionGate } from './session-gate.policy.ts';

export const invalidCredentials = defineProblem({
  status: 401,
  code: 'auth.invalid_credentials',
  title: {
    sv: 'Fel användarnamn eller lösenord',
    en: 'Wrong username or password',
  },
});

/** security.md 12: a session ends after an hour without use, and a day after login at the latest. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 24 * 60 * 60 * 1000;
/** A session waiting for its second factor lasts ten minutes; then the password must be typed again. */
export const SECOND_FACTOR_STEP_MS = 10 * 60 * 1000;
// Writing last_seen on every request would turn each read into a write; a minute's slack is harmless.
const TOUCH_AFTER_MS = 60 * 1000;

export type IdentityDeps = { db: Database; clock: Clock };

export async function logout(deps: IdentityDeps, token: string | undefined) {
  if (token) await deleteSession(deps.db, hashToken(token));
}

/**
 * The session of a cookie token, or null. With `orgId` (a company-scoped request) it also answers
 * the user's membership in that company, found in the same query.
 */
export async function resolveSession(deps: IdentityDeps, token: string, orgId: string | null = null) {
  const tokenHash = hashToken(token);
  const session = await findLiveSession(deps.db, tokenHash, orgId);
  if (!session) return null;
  const now = deps.clock.now().getTime();
  const idle = now - session.lastSeenAt.getTime();
  const age = now - session.createdAt.getTime();
  const limit = session.stage === 'password' ? SECOND_FACTOR_STEP_MS : SESSION_ABSOLUTE_MS;
  if (idle > SESSION_IDLE_MS || age > limit) {
    await deleteSession(deps.db, tokenHash);
    return null;
  }
  if (idle > TOUCH_AFTER_MS) await touchSession(deps.db, tokenHash, new Date(now));
  const [orgKind, role] = session.membership?.split(':') ?? [];
  return {
    tokenHash,
    userId: session.userId,
    ...(orgId
      ? { membership: orgKind && role ? { orgId, orgKind: orgKind as OrgKind, role: role as Role } : null }
      : {}),
    gate: sessionGate({
      stage: session.stage,
      mustChangePassword: session.mustChangePassword,
      hasSecondFactor: session.secondFactor !== null,
      companyRequiresSecondFactor: session.companyRequiresSecondFactor,
    }),
  };
}

/** The logged-in user; `gate` is the session's (null when fully logged in). */
export async function getMe(
  deps: IdentityDeps,
  userId: string,
  gate: SessionGate | null,
): Promise<Me | null> {
  const user = await findUserById(deps.db, userId);
  if (!user) return null;
  const memberships = await listMembershipsOfUser(deps.db, userId);
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    email: user.email,
    locale: user.locale,
    memberships,
    phone: user.phone,
    otherPhone: user.otherPhone,
    secondFactor: user.secondFactor,
    gate,
  };
}

export async function createUser(
  deps: IdentityDeps,
  input: {
    username: string;
    email: string;
    name: string;
    password: string;
    locale?: 'sv' | 'en';
    phone?: string;
  },
) {
  return insertUser(deps.db, {
    username: input.username,
    email: input.email.toLowerCase(),
    name: input.name,
    phone: input.phone ?? null,
    locale: input.locale ?? 'sv',
    passwordHash: await hashPassword(input.password),
    createdAt: deps.clock.now(),
  });
}
