import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../contract/organizations.ts';
import type { CompanyUser, CreateUserBody } from '../../../contract/users.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { deleteSessionsOfUser, findUserById, insertUser } from '../identity/identity.repository.ts';
import { recoveryCodes, users, userTokens } from '../identity/identity.table.ts';
import {
  emailInUse,
  issueInvitation,
  passwordErrors,
  usernameInUse,
  usernameTaken,
} from '../invitations/invitations.usecases.ts';
import { findOrganization } from '../organizations/organizations.repository.ts';
import { memberships } from '../organizations/organizations.table.ts';
import { can, roleFitsOrg } from '../organizations/roles.policy.ts';
import { welcomeMail } from './users.mail.ts';
import {
  countActiveMemberships,
  countOtherActiveAdmins,
  listAllMembershipsOfUser,
  listCompanyUsers,
  lockMembership,
} from './users.repository.ts';

export type UserDeps = { db: Database; clock: Clock; publicUrl: string };

export const lastAdmin = defineProblem({
  status: 409,
  code: 'users.last_admin',
  title: {
    sv: 'Företaget måste ha minst en aktiv administratör',
    en: 'The company must keep at least one active administrator',
  },
});
export const alreadyMember = defineProblem({
  status: 409,
  code: 'users.already_member',
  title: { sv: 'Personen är redan användare i företaget', en: 'The person is already a user of the company' },
});
export const deleteNeedsEveryCompany = defineProblem({
  status: 403,
  code: 'users.delete_needs_every_company',
  title: {
    sv: 'Användaren finns i företag du inte administrerar; be deras administratör eller driftansvarig',
    en: 'The user belongs to companies you do not administer; ask their administrator or the operator',
  },
});

const roleField = (orgKind: Actor['orgKind'], role: Role) =>
  roleFitsOrg(orgKind, role)
    ? null
    : problems.validation({
        errors: [
          {
            field: 'role',
            code: 'role_not_for_company',
            message: {
              sv: 'Rollen finns inte för den sortens företag',
              en: 'The role does not exist for this kind of company',
            },
          },
        ],
      });

function mayManage(actor: Actor) {
  if (!can(actor, 'users.manage')) throw problems.forbidden();
}

export async function listUsers(deps: UserDeps, args: { actor: Actor }): Promise<CompanyUser[]> {
  mayManage(args.actor);
  const rows = await listCompanyUsers(deps.db, args.actor.orgId);
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name,
    email: r.email,
    username: r.username,
    role: r.role,
    status: r.membershipDisabledAt || r.userDisabledAt ? 'disabled' : 'active',
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    twoFactor: r.secondFactor !== null,
    mustChangePassword: r.mustChangePassword,
  }));
}

/**
 * Familjebostäder and Blikk: the administrator gives the password. The account must choose a new one at
 * first login; the welcome mail explains how to log in and never contains the password. An address that
 * already has an account is not given a membership behind its owner's back: it gets an invitation to the
 * company instead, accepted with Jag har ett befintligt konto (the answer says `invited`).
 */
export async function createUserWithPassword(
  deps: UserDeps,
  args: { actor: Actor; input: CreateUserBody; ip?: string },
): Promise<{ userId: string | null; outcome: 'created' | 'invited' }> {
  const { actor, input } = args;
  mayManage(actor);
  const bad = roleField(actor.orgKind, input.role);
  if (bad) throw bad;
  const now = deps.clock.now();
  const existing = await emailInUse(deps.db, input.email);
  if (existing) {
    return deps.db.transaction(async (tx) => {
      if (await lockMembership(tx, { orgId: actor.orgId, userId: existing.id })) throw alreadyMember();
      await issueInvitation(tx, deps, {
        email: input.email,
        grants: [{ orgId: actor.orgId, role: input.role }],
        invitedBy: actor.userId,
        ip: args.ip,
      });
      return { userId: null, outcome: 'invited' as const };
    });
  }
  const errors = passwordErrors({ password: input.password, passwordConfirmation: input.password });
  if (errors.length) throw problems.validation({ errors });
  const passwordHash = await hashPassword(input.password);
  const admin = await findUserById(deps.db, actor.userId);
  const org = await findOrganization(deps.db, actor.orgId);

  return deps.db.transaction(async (tx) => {
    if (await usernameInUse(tx, input.username))
      throw usernameTaken({
        errors: [
          {
            field: 'username',
            code: 'taken',
            message: { sv: 'Användarnamnet är upptaget', en: 'The username is taken' },
          },
        ],
      });
    const user = await insertUser(tx, {
      username: input.username,
      email: input.email,
      name: input.name,
      passwordHash,
      mustChangePassword: true,
      passwordChangedAt: now,
      createdAt: now,
    });
    await tx
      .insert(memberships)
      .values({ userId: user.id, orgId: actor.orgId, role: input.role, createdAt: now });
    await enqueueMail(tx, deps.clock, {
      message: welcomeMail({
        lang: 'sv',
        to: input.email,
        name: input.name,
        username: input.username,
        companyName: org!.name,
        adminName: admin?.name ?? '',
        publicUrl: deps.publicUrl,
      }),
    });
    await recordAudit(tx, {
      at: now,
      action: 'user.created',
      actorUserId: actor.userId,
      orgId: actor.orgId,
      targetUserId: user.id,
      ip: args.ip,
      detail: { role: input.role },
    });
    return { userId: user.id, outcome: 'created' as const };
  });
}

async function guardLastAdmin(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  args: { orgId: string; userId: string; currentRole: Role; disabled: boolean },
) {
  if (args.currentRole !== 'admin' || args.disabled) return;
  if ((await countOtherActiveAdmins(tx, { orgId: args.orgId, exceptUserId: args.userId })) === 0)
    throw lastAdmin();
}

export async function changeRole(
  deps: UserDeps,
  args: { actor: Actor; userId: string; role: Role; ip?: string },
) {
  mayManage(args.actor);
  const bad = roleField(args.actor.orgKind, args.role);
  if (bad) throw bad;
  await deps.db.transaction(async (tx) => {
    const member = await lockMembership(tx, { orgId: args.actor.orgId, userId: args.userId });
    if (!member) throw problems.notFound();
    if (member.role === args.role) return;
    if (args.role !== 'admin')
      await guardLastAdmin(tx, {
        orgId: member.orgId,
        userId: member.userId,
        currentRole: member.role,
        disabled: Boolean(member.disabledAt),
      });
    await tx
      .update(memberships)
      .set({ role: args.role })
      .where(and(eq(memberships.orgId, member.orgId), eq(memberships.userId, member.userId)));
    await recordAudit(tx, {
      at: deps.clock.now(),
      action: 'user.role_changed',
      actorUserId: args.actor.userId,
      orgId: member.orgId,
      targetUserId: member.userId,
      ip: args.ip,
      detail: { from: member.role, to: args.role },
    });
  });
}

/**
 * Inaktivera / Aktivera in this company. Disabling ends all the user's sessions at once (security.md
 * 11): simpler and safer than finding out which session acts in which company.
 */
export async function setDisabled(
  deps: UserDeps,
  args: { actor: Actor; userId: string; disabled: boolean; ip?: string },
) {
  mayManage(args.actor);
  await deps.db.transaction(async (tx) => {
    const member = await lockMembership(tx, { orgId: args.actor.orgId, userId: args.userId });
    if (!member) throw problems.notFound();
    if (Boolean(member.disabledAt) === args.disabled) return;
    const now = deps.clock.now();
    if (args.disabled)
      await guardLastAdmin(tx, {
        orgId: member.orgId,
        userId: member.userId,
        currentRole: member.role,
        disabled: false,
      });
    await tx
      .update(memberships)
      .set({ disabledAt: args.disabled ? now : null })
      .where(and(eq(memberships.orgId, member.orgId), eq(memberships.userId, member.userId)));
    if (args.disabled) await deleteSessionsOfUser(tx, member.userId);
    await recordAudit(tx, {
      at: now,
      action: args.disabled ? 'user.disabled' : 'user.enabled',
      actorUserId: args.actor.userId,
      orgId: member.orgId,
      targetUserId: member.userId,
      ip: args.ip,
    });
  });
}

/** Ta bort: the membership ends; with no active membership left the user's sessions end too. */
export async function removeMember(deps: UserDeps, args: { actor: Actor; userId: string; ip?: string }) {
  mayManage(args.actor);
  await deps.db.transaction(async (tx) => {
    const member = await lockMembership(tx, { orgId: args.actor.orgId, userId: args.userId });
    if (!member) throw problems.notFound();
    await guardLastAdmin(tx, {
      orgId: member.orgId,
      userId: member.userId,
      currentRole: member.role,
      disabled: Boolean(member.disabledAt),
    });
    await tx
      .delete(memberships)
      .where(and(eq(memberships.orgId, member.orgId), eq(memberships.userId, member.userId)));
    if ((await countActiveMemberships(tx, member.userId)) === 0)
      await deleteSessionsOfUser(tx, member.userId);
    await recordAudit(tx, {
      at: deps.clock.now(),
      action: 'user.removed',
      actorUserId: args.actor.userId,
      orgId: member.orgId,
      targetUserId: member.userId,
      ip: args.ip,
      detail: { role: member.role },
    });
  });
}

export const DELETED_NAME = 'Borttagen användare';

/**
 * Radera användare (security.md 32): only an administrator of every company the user belongs to.
 * Personal fields are pseudonymised, secrets cleared, sessions and memberships end; the row stays so
 * orders and audit rows that name it keep pointing somewhere, and the audit rows are untouched.
 */
export async function deleteUser(deps: UserDeps, args: { actor: Actor; userId: string; ip?: string }) {
  mayManage(args.actor);
  await deps.db.transaction(async (tx) => {
    const member = await lockMembership(tx, { orgId: args.actor.orgId, userId: args.userId });
    if (!member) throw problems.notFound();
    const theirs = await listAllMembershipsOfUser(tx, args.userId);
    const mine = await listAllMembershipsOfUser(tx, args.actor.userId);
    const adminOf = new Set(mine.filter((m) => m.role === 'admin' && !m.disabledAt).map((m) => m.orgId));
    if (!theirs.every((m) => adminOf.has(m.orgId))) throw deleteNeedsEveryCompany();
    for (const m of theirs)
      await guardLastAdmin(tx, {
        orgId: m.orgId,
        userId: args.userId,
        currentRole: m.role,
        disabled: Boolean(m.disabledAt),
      });
    await pseudonymise(tx, { userId: args.userId, now: deps.clock.now() });
    await recordAudit(tx, {
      at: deps.clock.now(),
      action: 'user.deleted',
      actorUserId: args.actor.userId,
      orgId: args.actor.orgId,
      targetUserId: args.userId,
      ip: args.ip,
      detail: { companies: theirs.map((m) => m.orgId) },
    });
  });
}

export async function pseudonymise(
  tx: Parameters<Parameters<Database['transaction']>[0]>[0],
  args: { userId: string; now: Date },
) {
  const placeholder = `deleted-${args.userId}`;
  await tx
    .update(users)
    .set({
      name: DELETED_NAME,
      username: placeholder,
      email: `${placeholder}@deleted.invalid`,
      phone: null,
      otherPhone: null,
      passwordHash: null,
      secondFactor: null,
      totpSecret: null,
      totpLastStep: null,
      notificationSettings: { off: [], digest: false },
      mustChangePassword: false,
      disabledAt: args.now,
      deletedAt: args.now,
    })
    .where(eq(users.id, args.userId));
  await tx.delete(memberships).where(eq(memberships.userId, args.userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, args.userId));
  await tx.delete(userTokens).where(eq(userTokens.userId, args.userId));
  await deleteSessionsOfUser(tx, args.userId);
}

/** The operator may delete any account (security.md 32), still never a company's last administrator. */
export async function deleteUserAsOperator(
  deps: UserDeps,
  args: { operatorUserId: string; userId: string; ip?: string },
) {
  await deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, args.userId);
    if (!user || user.deletedAt) throw problems.notFound();
    const theirs = await listAllMembershipsOfUser(tx, args.userId);
    for (const m of theirs)
      await guardLastAdmin(tx, {
        orgId: m.orgId,
        userId: args.userId,
        currentRole: m.role,
        disabled: Boolean(m.disabledAt),
      });
    await pseudonymise(tx, { userId: args.userId, now: deps.clock.now() });
    await recordAudit(tx, {
      at: deps.clock.now(),
      action: 'user.deleted',
      actorUserId: args.operatorUserId,
      targetUserId: args.userId,
      ip: args.ip,
      detail: { companies: theirs.map((m) => m.orgId), by: 'operator' },
    });
  });
}
