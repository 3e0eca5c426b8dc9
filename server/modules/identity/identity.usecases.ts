import type { Me } from '../../../contract/session.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { defineProblem } from '../../platform/errors.ts';
import { listMembershipsOfUser } from '../organizations/organizations.repository.ts';
import {
  deleteSession,
  findLiveSession,
  findUserById,
  findUserByLogin,
  insertSession,
  insertUser,
  recordLogin,
  touchSession,
} from './identity.repository.ts';

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
// Writing last_seen on every request would turn each read into a write; a minute's slack is harmless.
const TOUCH_AFTER_MS = 60 * 1000;

export type IdentityDeps = { db: Database; clock: Clock };

export async function login(
  deps: IdentityDeps,
  input: { login: string; password: string; previousToken?: string; userAgent?: string; ip?: string },
): Promise<{ token: string; userId: string }> {
  const user = await findUserByLogin(deps.db, input.login);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabledAt) throw invalidCredentials();

  const now = deps.clock.now();
  const token = newToken();
  await deps.db.transaction(async (tx) => {
    // A new session id at every login (security.md 10); whatever session the browser had is ended.
    if (input.previousToken) await deleteSession(tx, hashToken(input.previousToken));
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip ?? null,
    });
    await recordLogin(tx, user.id, now);
  });
  return { token, userId: user.id };
}

export async function logout(deps: IdentityDeps, token: string | undefined) {
  if (token) await deleteSession(deps.db, hashToken(token));
}

export async function resolveSession(deps: IdentityDeps, token: string) {
  const tokenHash = hashToken(token);
  const session = await findLiveSession(deps.db, tokenHash);
  if (!session) return null;
  const now = deps.clock.now().getTime();
  const idle = now - session.lastSeenAt.getTime();
  const age = now - session.createdAt.getTime();
  if (idle > SESSION_IDLE_MS || age > SESSION_ABSOLUTE_MS) {
    await deleteSession(deps.db, tokenHash);
    return null;
  }
  if (idle > TOUCH_AFTER_MS) await touchSession(deps.db, tokenHash, new Date(now));
  return { tokenHash, userId: session.userId };
}

export async function getMe(deps: IdentityDeps, userId: string): Promise<Me | null> {
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
