import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { CreateInvitationsBody, InvitationView, RegisterBody } from '../../../contract/invitations.ts';
import type { Role } from '../../../contract/organizations.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import { stockholmDate } from '../../platform/dates.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { defineProblem, type FieldErrorInput, problems } from '../../platform/errors.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import {
  deleteSession,
  findUserById,
  insertSession,
  insertUser,
  recordLogin,
} from '../identity/identity.repository.ts';
import { users, userTokens } from '../identity/identity.table.ts';
import { checkPassword } from '../identity/passwords.policy.ts';
import { findMembership } from '../organizations/organizations.repository.ts';
import { memberships } from '../organizations/organizations.table.ts';
import { can, roleFitsOrg } from '../organizations/roles.policy.ts';
import { confirmAddressMail, existingAccountMail, invitationMail } from './invitations.mail.ts';
import {
  claimInvitation,
  findAwaitingConfirmation,
  findInvitationByTokenHash,
  findPendingInOrg,
  type InvitationRow,
  insertInvitation,
  listGrants,
  listPendingOfOrg,
} from './invitations.repository.ts';
import { invitationMemberships, invitations } from './invitations.table.ts';

/** security.md 7: an invitation link lives 14 days. */
export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type InvitationDeps = { db: Database; clock: Clock; publicUrl: string };

export const invitationNotFound = defineProblem({
  status: 404,
  code: 'invitations.not_found',
  title: { sv: 'Inbjudan finns inte', en: 'The invitation does not exist' },
});
export const invitationExpired = defineProblem({
  status: 410,
  code: 'invitations.expired',
  title: { sv: 'Inbjudan har gått ut', en: 'The invitation has expired' },
});
export const invitationUsed = defineProblem({
  status: 410,
  code: 'invitations.used',
  title: { sv: 'Inbjudan är redan använd', en: 'The invitation has already been used' },
});
export const invitationRevoked = defineProblem({
  status: 410,
  code: 'invitations.revoked',
  title: { sv: 'Inbjudan är återkallad', en: 'The invitation has been revoked' },
});
export const usernameTaken = defineProblem({
  status: 409,
  code: 'users.username_taken',
  title: { sv: 'Användarnamnet är upptaget', en: 'The username is taken' },
});
export const confirmationInvalid = defineProblem({
  status: 410,
  code: 'invitations.confirmation_invalid',
  title: {
    sv: 'Bekräftelselänken gäller inte längre',
    en: 'The confirmation link is no longer valid',
  },
});

export type Grant = { orgId: string; role: Role };

/**
 * Creates one invitation and queues its mail, in the caller's transaction. The token leaves only in
 * the mail; the database keeps its SHA-256.
 */
export async function issueInvitation(
  tx: Executor,
  deps: InvitationDeps,
  args: { email: string; grants: Grant[]; invitedBy: string | null; ip?: string | null; audit?: boolean },
) {
  const now = deps.clock.now();
  const token = newToken();
  const row = await insertInvitation(
    tx,
    {
      tokenHash: hashToken(token),
      email: args.email,
      invitedBy: args.invitedBy,
      createdAt: now,
      sentAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    },
    args.grants,
  );
  await mailInvitation(tx, deps, { invitation: row, token });
  if (args.audit !== false) {
    for (const grant of args.grants) {
      await recordAudit(tx, {
        at: now,
        action: 'invitation.sent',
        actorUserId: args.invitedBy,
        orgId: grant.orgId,
        ip: args.ip,
        detail: { email: args.email, role: grant.role, invitationId: row.id },
      });
    }
  }
  return row;
}

async function mailInvitation(
  tx: Executor,
  deps: InvitationDeps,
  args: { invitation: InvitationRow; token: string },
) {
  const grants = await listGrants(tx, args.invitation.id);
  const inviter = args.invitation.invitedBy ? await findUserById(tx, args.invitation.invitedBy) : undefined;
  // The invitee has no language yet: write in the inviter's (Swedish when the system invites).
  const lang = inviter?.locale ?? 'sv';
  await enqueueMail(tx, deps.clock, {
    message: invitationMail({
      lang,
      to: args.invitation.email,
      inviterName: inviter?.name ?? null,
      companies: grants,
      link: `${deps.publicUrl}/invitations/${args.token}`,
      expiresOn: stockholmDate(args.invitation.expiresAt),
      publicUrl: deps.publicUrl,
    }),
  });
}

/** POST /api/invitations: many people, each to one or several companies the caller administers. Atomic. */
export async function sendInvitations(
  deps: InvitationDeps,
  args: { userId: string; input: CreateInvitationsBody; ip?: string },
) {
  const errors: FieldErrorInput[] = [];
  const seen = new Set<string>();
  const orgKinds = new Map<string, Awaited<ReturnType<typeof findMembership>>>();
  for (const person of args.input.invitations) {
    for (const m of person.memberships) {
      if (!orgKinds.has(m.orgId))
        orgKinds.set(m.orgId, await findMembership(deps.db, { userId: args.userId, orgId: m.orgId }));
    }
  }
  // 404 for a company the caller is not in comes before 403, and before anything about the input.
  for (const membership of orgKinds.values()) if (!membership) throw problems.notFound();
  for (const membership of orgKinds.values())
    if (!can(membership!, 'invitations.send')) throw problems.forbidden();

  args.input.invitations.forEach((person, i) => {
    if (seen.has(person.email))
      errors.push({
        field: `invitations.${i}.email`,
        code: 'duplicate',
        message: { sv: 'Adressen finns redan i listan', en: 'The address is already in the list' },
      });
    seen.add(person.email);
    const orgs = new Set<string>();
    person.memberships.forEach((m, j) => {
      if (orgs.has(m.orgId))
        errors.push({
          field: `invitations.${i}.memberships.${j}.orgId`,
          code: 'duplicate',
          message: { sv: 'Företaget finns redan i inbjudan', en: 'The company is already in the invitation' },
        });
      orgs.add(m.orgId);
      if (!roleFitsOrg(orgKinds.get(m.orgId)!.orgKind, m.role))
        errors.push({
          field: `invitations.${i}.memberships.${j}.role`,
          code: 'role_not_for_company',
          message: {
            sv: 'Rollen finns inte för den sortens företag',
            en: 'The role does not exist for this kind of company',
          },
        });
    });
  });
  if (errors.length) throw problems.validation({ errors });

  return deps.db.transaction(async (tx) => {
    const items: { id: string; email: string }[] = [];
    for (const person of args.input.invitations) {
      const row = await issueInvitation(tx, deps, {
        email: person.email,
        grants: person.memberships,
        invitedBy: args.userId,
        ip: args.ip,
      });
      items.push({ id: row.id, email: row.email });
    }
    return { items };
  });
}

export async function listPendingInvitations(deps: InvitationDeps, args: { orgId: string }) {
  const now = deps.clock.now();
  const rows = await listPendingOfOrg(deps.db, args.orgId);
  return rows.map((r) => ({
    ...r,
    sentAt: r.sentAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    expired: r.expiresAt <= now,
  }));
}

/** A new token and a new expiry; the old link stops working at once. */
export async function resendInvitation(
  deps: InvitationDeps,
  args: { actor: { userId: string; orgId: string }; invitationId: string; ip?: string },
) {
  await deps.db.transaction(async (tx) => {
    const found = await findPendingInOrg(tx, { id: args.invitationId, orgId: args.actor.orgId });
    if (!found) throw problems.notFound();
    const now = deps.clock.now();
    const token = newToken();
    const [row] = await tx
      .update(invitations)
      .set({
        tokenHash: hashToken(token),
        sentAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .where(eq(invitations.id, args.invitationId))
      .returning();
    await mailInvitation(tx, deps, { invitation: row!, token });
    await recordAudit(tx, {
      at: now,
      action: 'invitation.resent',
      actorUserId: args.actor.userId,
      orgId: args.actor.orgId,
      ip: args.ip,
      detail: { email: row!.email, invitationId: row!.id },
    });
  });
}

/**
 * Withdraws this company from the invitation; when no company is left, the invitation is revoked and
 * its link answers "revoked". Another company's part of a shared invitation is not this admin's to cancel.
 */
export async function revokeInvitation(
  deps: InvitationDeps,
  args: { actor: { userId: string; orgId: string }; invitationId: string; ip?: string },
) {
  await deps.db.transaction(async (tx) => {
    const found = await findPendingInOrg(tx, { id: args.invitationId, orgId: args.actor.orgId });
    if (!found) throw problems.notFound();
    const now = deps.clock.now();
    await tx
      .delete(invitationMemberships)
      .where(
        and(
          eq(invitationMemberships.invitationId, args.invitationId),
          eq(invitationMemberships.orgId, args.actor.orgId),
        ),
      );
    const rest = await listGrants(tx, args.invitationId);
    if (rest.length === 0)
      await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, args.invitationId));
    await recordAudit(tx, {
      at: now,
      action: 'invitation.revoked',
      actorUserId: args.actor.userId,
      orgId: args.actor.orgId,
      ip: args.ip,
      detail: { email: found.invitation.email, invitationId: args.invitationId },
    });
  });
}

/** The invitation behind a link, or the problem that says why it cannot be used. */
async function usableInvitation(db: Executor, now: Date, token: string) {
  const row = await findInvitationByTokenHash(db, hashToken(token));
  if (!row) throw invitationNotFound();
  if (row.revokedAt) throw invitationRevoked();
  if (row.redeemedAt || row.redeemedBy) throw invitationUsed();
  if (row.expiresAt <= now) throw invitationExpired();
  return row;
}

export async function viewInvitation(deps: InvitationDeps, args: { token: string }): Promise<InvitationView> {
  const row = await usableInvitation(deps.db, deps.clock.now(), args.token);
  const grants = await listGrants(deps.db, row.id);
  return {
    email: row.email,
    companies: grants.map((g) => ({ name: g.name, kind: g.kind, role: g.role })),
    expiresAt: row.expiresAt.toISOString(),
  };
}

async function grantMemberships(
  tx: Executor,
  args: { invitation: InvitationRow; userId: string; now: Date; ip?: string | null },
) {
  const grants = await listGrants(tx, args.invitation.id);
  for (const g of grants) {
    // An existing membership keeps its role: an invitation never demotes anyone.
    await tx
      .insert(memberships)
      .values({ userId: args.userId, orgId: g.orgId, role: g.role, createdAt: args.now })
      .onConflictDoNothing();
    await recordAudit(tx, {
      at: args.now,
      action: 'invitation.redeemed',
      actorUserId: args.userId,
      orgId: g.orgId,
      targetUserId: args.userId,
      ip: args.ip,
      detail: { invitationId: args.invitation.id, role: g.role },
    });
  }
  return grants.map((g) => g.orgId);
}

export function passwordErrors(input: { password: string; passwordConfirmation: string }): FieldErrorInput[] {
  const errors: FieldErrorInput[] = [];
  const problem = checkPassword(input.password, { hasSecondFactor: false });
  if (problem)
    errors.push({
      field: 'password',
      code: `password.${problem}`,
      message: {
        too_short: {
          sv: 'Lösenordet måste ha minst 15 tecken',
          en: 'The password needs at least 15 characters',
        },
        too_long: {
          sv: 'Lösenordet får ha högst 256 tecken',
          en: 'The password may have at most 256 characters',
        },
        common: {
          sv: 'Lösenordet är för vanligt, välj ett annat',
          en: 'The password is too common, choose another',
        },
      }[problem],
    });
  if (input.password !== input.passwordConfirmation)
    errors.push({
      field: 'passwordConfirmation',
      code: 'password.mismatch',
      message: { sv: 'Lösenorden är inte lika', en: 'The passwords do not match' },
    });
  return errors;
}

export async function usernameInUse(db: Executor, username: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  return Boolean(row);
}

export async function emailInUse(db: Executor, email: string) {
  const [row] = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

/** A fresh session for a user who just proved who they are (a new id, security.md 10). */
export async function startSession(
  tx: Executor,
  args: { userId: string; now: Date; previousToken?: string; userAgent?: string; ip?: string },
) {
  const token = newToken();
  if (args.previousToken) await deleteSession(tx, hashToken(args.previousToken));
  await insertSession(tx, {
    tokenHash: hashToken(token),
    userId: args.userId,
    createdAt: args.now,
    lastSeenAt: args.now,
    userAgent: args.userAgent?.slice(0, 300) ?? null,
    ip: args.ip ?? null,
  });
  await recordLogin(tx, args.userId, args.now);
  return token;
}

/**
 * Registrera (JM step 4). With the invited address: the account is made, the memberships granted and
 * the user logged in. With another address: the account is made but the memberships wait until the
 * new address is confirmed by the mailed link. With an address that already has an account: nothing is
 * made, the owner gets a mail — and the answer is the same "check your mail" (security.md 9).
 */
export async function registerFromInvitation(
  deps: InvitationDeps,
  args: { token: string; input: RegisterBody; previousToken?: string; userAgent?: string; ip?: string },
): Promise<{ status: 'registered'; sessionToken: string } | { status: 'confirm_email' }> {
  const now = deps.clock.now();
  const invitation = await usableInvitation(deps.db, now, args.token);
  const errors = passwordErrors(args.input);
  if (errors.length) throw problems.validation({ errors });
  const passwordHash = await hashPassword(args.input.password);

  return deps.db.transaction(async (tx) => {
    const existing = await emailInUse(tx, args.input.email);
    if (existing) {
      if (!(await claimStillUsable(tx, invitation.id, now))) throw invitationUsed();
      await enqueueMail(tx, deps.clock, {
        message: existingAccountMail({
          lang: existing.locale,
          to: args.input.email,
          link: `${deps.publicUrl}/invitations/${args.token}`,
          publicUrl: deps.publicUrl,
        }),
      });
      return { status: 'confirm_email' as const };
    }
    if (await usernameInUse(tx, args.input.username))
      throw usernameTaken({
        errors: [
          {
            field: 'username',
            code: 'taken',
            message: { sv: 'Användarnamnet är upptaget', en: 'The username is taken' },
          },
        ],
      });
    const sameAddress = args.input.email === invitation.email.toLowerCase();
    const user = await insertUser(tx, {
      username: args.input.username,
      email: args.input.email,
      name: args.input.name,
      passwordHash,
      passwordChangedAt: now,
      createdAt: now,
    });
    if (!(await claimInvitation(tx, { id: invitation.id, userId: user.id, now, complete: sameAddress })))
      throw invitationUsed();
    if (!sameAddress) {
      const token = newToken();
      await tx.insert(userTokens).values({
        tokenHash: hashToken(token),
        userId: user.id,
        purpose: 'email_change',
        newEmail: args.input.email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      });
      await enqueueMail(tx, deps.clock, {
        message: confirmAddressMail({
          lang: 'sv',
          to: args.input.email,
          link: `${deps.publicUrl}/invitations/confirm/${token}`,
          publicUrl: deps.publicUrl,
        }),
      });
      return { status: 'confirm_email' as const };
    }
    await grantMemberships(tx, { invitation, userId: user.id, now, ip: args.ip });
    const sessionToken = await startSession(tx, {
      userId: user.id,
      now,
      previousToken: args.previousToken,
      userAgent: args.userAgent,
      ip: args.ip,
    });
    return { status: 'registered' as const, sessionToken };
  });
}

/** Nothing is claimed for an existing address; this only re-checks the link inside the transaction. */
async function claimStillUsable(tx: Executor, id: string, now: Date) {
  const [row] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.id, id),
        isNull(invitations.redeemedAt),
        isNull(invitations.redeemedBy),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  return Boolean(row);
}

/** Jag har ett befintligt konto (JM step 5): the logged-in account gets the invitation's memberships. */
export async function acceptInvitation(
  deps: InvitationDeps,
  args: { token: string; userId: string; ip?: string },
) {
  const now = deps.clock.now();
  const invitation = await usableInvitation(deps.db, now, args.token);
  return deps.db.transaction(async (tx) => {
    if (!(await claimInvitation(tx, { id: invitation.id, userId: args.userId, now, complete: true })))
      throw invitationUsed();
    const orgIds = await grantMemberships(tx, { invitation, userId: args.userId, now, ip: args.ip });
    return { orgIds };
  });
}

/** The link mailed to a changed address: confirms it and grants the waiting invitation's memberships. */
export async function confirmRegisteredAddress(deps: InvitationDeps, args: { token: string; ip?: string }) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(userTokens.tokenHash, hashToken(args.token)),
          eq(userTokens.purpose, 'email_change'),
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, now),
        ),
      )
      .returning();
    if (!row) throw confirmationInvalid();
    const invitation = await findAwaitingConfirmation(tx, row.userId);
    if (!invitation) throw confirmationInvalid();
    await tx.update(invitations).set({ redeemedAt: now }).where(eq(invitations.id, invitation.id));
    const orgIds = await grantMemberships(tx, { invitation, userId: row.userId, now, ip: args.ip });
    return { orgIds };
  });
}
