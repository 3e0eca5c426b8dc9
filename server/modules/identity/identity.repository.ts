import { and, asc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { shapedQuery, slot } from '../../platform/prepared.ts';
import { memberships, organizations } from '../organizations/organizations.table.ts';
import { recoveryCodes, sessions, users, userTokens } from './identity.table.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
  const needle = login.trim().toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.username}) = ${needle}`, sql`lower(${users.email}) = ${needle}`))
    .limit(1);
  return user;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [user] = await db.insert(users).values(values).returning();
  return user!;
}

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

/**
 * The live session of a token with what its gate needs, and — when a company is named — the user's
 * membership there, all in one query: a company-scoped request checks both in one round trip. It
 * runs on every request, so it is built once per shape (platform/prepared.ts).
 */
export async function findLiveSession(db: Executor, tokenHash: string, orgId: string | null = null) {
  const [row] = await liveSession(db, { withMembership: Boolean(orgId) }, { tokenHash, orgId });
  return row;
}

const liveSession = shapedQuery((db: Executor, shape: { withMembership: boolean }) => {
  const membership = shape.withMembership
    ? sql<string | null>`(select ${organizations.kind} || ':' || ${memberships.role}
        from ${memberships} join ${organizations} on ${organizations.id} = ${memberships.orgId}
        where ${memberships.userId} = ${users.id} and ${memberships.orgId} = ${slot('orgId')}
          and ${memberships.disabledAt} is null)`
    : sql<string | null>`null`;
  return db
    .select({
      tokenHash: sessions.tokenHash,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      stage: sessions.stage,
      mustChangePassword: users.mustChangePassword,
      secondFactor: users.secondFactor,
      companyRequiresSecondFactor: sql<boolean>`exists (
        select 1 from ${memberships} join ${organizations} on ${organizations.id} = ${memberships.orgId}
        where ${memberships.userId} = ${users.id} and ${memberships.disabledAt} is null
          and ${organizations.requireTwoFactor})`,
      membership,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, slot<string>('tokenHash')),
        isNull(users.disabledAt),
        isNull(users.deletedAt),
      ),
    );
});

export async function touchSession(db: Executor, tokenHash: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * Ends every session of a user at once (security.md 11: disabled, last membership removed, password
 * changed), except the one named, if any.
 */
export async function deleteSessionsOfUser(db: Executor, userId: string, exceptTokenHash?: string) {
  await db
    .delete(sessions)
    .where(
      exceptTokenHash
        ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, exceptTokenHash))
        : eq(sessions.userId, userId),
    );
}

export async function recordLogin(db: Executor, userId: string, at: Date) {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

export async function findSession(db: Executor, tokenHash: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function listSessionsOfUser(db: Executor, userId: string) {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.createdAt));
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return user;
}

export async function updateUser(db: Executor, userId: string, values: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(values).where(eq(users.id, userId));
}

/** One more failed login in a row, counted in the database so every app instance sees it. */
export async function countFailedLogin(db: Executor, userId: string, at: Date) {
  await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1`, lastFailedLoginAt: at })
    .where(eq(users.id, userId));
}

/**
 * Takes a TOTP time step for the user, only if it is newer than the last one taken: one statement,
 * so two sessions sending the same code at once cannot both win (security.md 4).
 */
export async function claimTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[], at: Date) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length > 0) {
    await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: at })));
  }
}

/** Marks an unused recovery code used; false when there is none (wrong, or used before). */
export async function consumeRecoveryCode(db: Executor, userId: string, codeHash: string, at: Date) {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId });
  return rows.length === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function insertUserToken(db: Executor, values: typeof userTokens.$inferInsert) {
  await db.insert(userTokens).values(values);
}

/** The unused, unexpired token of a purpose. */
export async function findLiveUserToken(
  db: Executor,
  tokenHash: string,
  purpose: (typeof userTokens.$inferSelect)['purpose'],
  now: Date,
) {
  const [row] = await db
    .select()
    .from(userTokens)
    .where(
      and(
        eq(userTokens.tokenHash, tokenHash),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    );
  return row;
}

/** Uses a token once: false when another request used it first. */
export async function consumeUserToken(db: Executor, tokenHash: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(userTokens)
    .set({ usedAt: at })
    .where(and(eq(userTokens.tokenHash, tokenHash), isNull(userTokens.usedAt)))
    .returning({ tokenHash: userTokens.tokenHash });
  return rows.length === 1;
}

/** The pending e-mail change, if any: the newest unused, unexpired one. */
export async function findPendingEmailChange(db: Executor, userId: string, now: Date) {
  const [row] = await db
    .select({ newEmail: userTokens.newEmail, expiresAt: userTokens.expiresAt })
    .from(userTokens)
    .where(
      and(
        eq(userTokens.userId, userId),
        eq(userTokens.purpose, 'email_change'),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .orderBy(sql`${userTokens.createdAt} desc`)
    .limit(1);
  return row;
}

/** Whether any company the user is an active member of requires a second factor (security.md 5). */
export async function companyRequiresSecondFactor(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.orgId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(
      and(
        eq(memberships.userId, userId),
        isNull(memberships.disabledAt),
        eq(organizations.requireTwoFactor, true),
      ),
    )
    .limit(1);
  return row !== undefined;
}
