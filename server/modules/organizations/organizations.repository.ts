import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Membership, OrgKind, Role } from '../../../contract/organizations.ts';
import type { Executor } from '../../platform/db.ts';
import { users } from '../identity/identity.table.ts';
import { memberships, organizations } from './organizations.table.ts';

export async function findMembership(
  db: Executor,
  args: { userId: string; orgId: string },
): Promise<{ orgKind: OrgKind; role: Role } | null> {
  const [row] = await db
    .select({ orgKind: organizations.kind, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(
      and(
        eq(memberships.userId, args.userId),
        eq(memberships.orgId, args.orgId),
        // A disabled membership grants nothing: the company answers as if the user were not in it.
        isNull(memberships.disabledAt),
      ),
    );
  return row ?? null;
}

export async function listMembershipsOfUser(db: Executor, userId: string): Promise<Membership[]> {
  return db
    .select({
      orgId: organizations.id,
      orgName: organizations.name,
      orgKind: organizations.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.disabledAt)))
    .orderBy(asc(organizations.name));
}

export async function insertOrganization(db: Executor, values: typeof organizations.$inferInsert) {
  const [org] = await db.insert(organizations).values(values).returning();
  return org!;
}

export async function insertMembership(db: Executor, values: typeof memberships.$inferInsert) {
  await db.insert(memberships).values(values);
}

export async function findOrganization(db: Executor, id: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id));
  return org;
}

/** Members of one company with the given roles, with what a notification needs. */
export async function listMembersWithRoles(db: Executor, args: { orgId: string; roles: Role[] }) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      role: memberships.role,
      notificationSettings: users.notificationSettings,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, args.orgId),
        inArray(memberships.role, args.roles),
        isNull(users.disabledAt),
        isNull(memberships.disabledAt),
      ),
    )
    .orderBy(asc(users.name));
}
