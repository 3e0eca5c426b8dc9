import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { users } from '../identity/identity.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { invitationMemberships, invitations } from './invitations.table.ts';

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(
  db: Executor,
  values: typeof invitations.$inferInsert,
  grants: { orgId: string; role: (typeof invitationMemberships.$inferInsert)['role'] }[],
) {
  const [row] = await db.insert(invitations).values(values).returning();
  await db.insert(invitationMemberships).values(grants.map((g) => ({ invitationId: row!.id, ...g })));
  return row!;
}

export async function findInvitationByTokenHash(db: Executor, tokenHash: string) {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row;
}

export async function findInvitationById(db: Executor, id: string) {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
  return row;
}

/** The companies an invitation grants, with names. */
export async function listGrants(db: Executor, invitationId: string) {
  return db
    .select({
      orgId: invitationMemberships.orgId,
      role: invitationMemberships.role,
      name: organizations.name,
      kind: organizations.kind,
    })
    .from(invitationMemberships)
    .innerJoin(organizations, eq(organizations.id, invitationMemberships.orgId))
    .where(eq(invitationMemberships.invitationId, invitationId))
    .orderBy(asc(organizations.name));
}

/** A company's invitations still waiting for an answer (expired ones included, flagged by the caller). */
export async function listPendingOfOrg(db: Executor, orgId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitationMemberships.role,
      invitedByName: users.name,
      sentAt: invitations.sentAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitationMemberships)
    .innerJoin(invitations, eq(invitations.id, invitationMemberships.invitationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitationMemberships.orgId, orgId),
        isNull(invitations.redeemedAt),
        isNull(invitations.redeemedBy),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(asc(invitations.email));
}

/** The pending invitation with this id that grants something in this company. */
export async function findPendingInOrg(db: Executor, args: { id: string; orgId: string }) {
  const [row] = await db
    .select({ invitation: invitations, role: invitationMemberships.role })
    .from(invitationMemberships)
    .innerJoin(invitations, eq(invitations.id, invitationMemberships.invitationId))
    .where(
      and(
        eq(invitationMemberships.invitationId, args.id),
        eq(invitationMemberships.orgId, args.orgId),
        isNull(invitations.redeemedAt),
        isNull(invitations.redeemedBy),
        isNull(invitations.revokedAt),
      ),
    )
    .for('update');
  return row;
}

/**
 * Claims a usable invitation for one redeemer, once: the row changes only if nobody redeemed,
 * revoked or let it expire in the meantime, so two parallel answers cannot both win.
 */
export async function claimInvitation(
  db: Executor,
  args: { id: string; userId: string; now: Date; complete: boolean },
) {
  const rows = await db
    .update(invitations)
    .set({ redeemedBy: args.userId, redeemedAt: args.complete ? args.now : null })
    .where(
      and(
        eq(invitations.id, args.id),
        isNull(invitations.redeemedAt),
        isNull(invitations.redeemedBy),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, args.now),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}

/** The invitation a registration with a changed address is waiting on. */
export async function findAwaitingConfirmation(db: Executor, userId: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.redeemedBy, userId), isNull(invitations.redeemedAt), isNull(invitations.revokedAt)),
    )
    .orderBy(sql`${invitations.createdAt} desc`)
    .limit(1);
  return row;
}
