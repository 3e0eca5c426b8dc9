import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { users } from '../identity/identity.table.ts';
import { memberships, organizations } from '../organizations/organizations.table.ts';

/** A company's people with what the Användare page shows. Deleted accounts are gone from every list. */
export async function listCompanyUsers(db: Executor, orgId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      username: users.username,
      role: memberships.role,
      membershipDisabledAt: memberships.disabledAt,
      userDisabledAt: users.disabledAt,
      lastLoginAt: users.lastLoginAt,
      secondFactor: users.secondFactor,
      mustChangePassword: users.mustChangePassword,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), isNull(users.deletedAt)))
    .orderBy(asc(users.name));
}

/** One member of one company, locked for the change about to be made. */
export async function lockMembership(db: Executor, args: { orgId: string; userId: string }) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, args.orgId), eq(memberships.userId, args.userId)))
    .for('update');
  return row;
}

/**
 * How many other enabled administrators the company has. Locks the company's admin memberships so two
 * admins demoting each other at the same moment cannot leave it with none.
 */
export async function countOtherActiveAdmins(db: Executor, args: { orgId: string; exceptUserId: string }) {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, args.orgId),
        eq(memberships.role, 'admin'),
        isNull(memberships.disabledAt),
        isNull(users.disabledAt),
        isNull(users.deletedAt),
        ne(memberships.userId, args.exceptUserId),
      ),
    )
    .for('update', { of: memberships });
  return rows.length;
}

/** Every membership of a user, disabled ones included, with the company's kind. */
export async function listAllMembershipsOfUser(db: Executor, userId: string) {
  return db
    .select({
      orgId: memberships.orgId,
      role: memberships.role,
      disabledAt: memberships.disabledAt,
      orgKind: organizations.kind,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId));
}

export async function countActiveMemberships(db: Executor, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), isNull(memberships.disabledAt)));
  return Number(row?.n ?? 0);
}
