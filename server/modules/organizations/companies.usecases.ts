import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type {
  CompanySummary,
  CreateCompanyBody,
  InviteContractorBody,
  MyCompany,
} from '../../../contract/companies.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import { stockholmDate } from '../../platform/dates.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { linkContractor } from '../agreements/agreements.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { insertUser } from '../identity/identity.repository.ts';
import { users, userTokens } from '../identity/identity.table.ts';
import {
  emailInUse,
  issueInvitation,
  passwordErrors,
  startSession,
  usernameInUse,
  usernameTaken,
} from '../invitations/invitations.usecases.ts';
import { countOverview } from '../work-orders/work-orders.repository.ts';
import { normaliseOrgNumber } from './org-number.ts';
import { listMembershipsOfUser } from './organizations.repository.ts';
import { memberships, organizations } from './organizations.table.ts';
import { can } from './roles.policy.ts';

export type CompanyDeps = { db: Database; clock: Clock; publicUrl: string };

export const invalidOrgNumber = () =>
  problems.validation({
    errors: [
      {
        field: 'orgNumber',
        code: 'invalid',
        message: {
          sv: 'Organisationsnumret är inte giltigt (NNNNNN-NNNN)',
          en: 'The organisation number is not valid (NNNNNN-NNNN)',
        },
      },
    ],
  });
export const orgNumberTaken = defineProblem({
  status: 409,
  code: 'organizations.org_number_taken',
  title: {
    sv: 'Ett företag med organisationsnumret finns redan',
    en: 'A company with this organisation number already exists',
  },
});
export const notAContractor = defineProblem({
  status: 409,
  code: 'organizations.not_a_contractor',
  title: {
    sv: 'Organisationsnumret tillhör ett företag som inte är entreprenör',
    en: 'The organisation number belongs to a company that is not a contractor',
  },
});
export const setupLinkInvalid = defineProblem({
  status: 410,
  code: 'account_setup.invalid',
  title: { sv: 'Länken gäller inte längre', en: 'The link is no longer valid' },
});

/** The operator's administrators run the installation (domain.md: operator admin). */
export async function isOperatorAdmin(db: Executor, userId: string) {
  const mine = await listMembershipsOfUser(db, userId);
  return mine.some((m) => can(m, 'companies.manage'));
}

/** Mina företag: every active membership with what waits there; one count query per company. */
export async function myCompanies(deps: CompanyDeps, args: { userId: string }): Promise<MyCompany[]> {
  const today = stockholmDate(deps.clock.now());
  const mine = await listMembershipsOfUser(deps.db, args.userId);
  const items: MyCompany[] = [];
  for (const m of mine) {
    const actor: Actor = { userId: args.userId, orgId: m.orgId, orgKind: m.orgKind, role: m.role };
    const counts = can(actor, 'work_orders.read')
      ? await countOverview(deps.db, { actor, today })
      : { activeOrders: 0, openQuestions: 0, overdueOrders: 0 };
    items.push({ orgId: m.orgId, name: m.orgName, kind: m.orgKind, role: m.role, ...counts });
  }
  return items;
}

export async function getSecuritySettings(deps: CompanyDeps, args: { actor: Actor }) {
  if (!can(args.actor, 'settings.manage')) throw problems.forbidden();
  const [org] = await deps.db
    .select({ requireTwoFactor: organizations.requireTwoFactor })
    .from(organizations)
    .where(eq(organizations.id, args.actor.orgId));
  return { requireTwoFactor: org!.requireTwoFactor };
}

export const ownSecondFactorFirst = defineProblem({
  status: 409,
  code: 'security.own_second_factor_first',
  title: {
    sv: 'Aktivera tvåstegsverifiering för ditt eget konto först (Kontaktuppgifter)',
    en: 'Turn on two-factor authentication for your own account first (Contact details)',
  },
});

/** Kräv tvåstegsverifiering för alla användare (the login side enforces it). */
export async function setSecuritySettings(
  deps: CompanyDeps,
  args: { actor: Actor; requireTwoFactor: boolean; ip?: string },
) {
  if (!can(args.actor, 'settings.manage')) throw problems.forbidden();
  await deps.db.transaction(async (tx) => {
    if (args.requireTwoFactor) {
      // Turning it on without a second factor of one's own would lock the administrator into enrolment.
      const [me] = await tx
        .select({ secondFactor: users.secondFactor })
        .from(users)
        .where(eq(users.id, args.actor.userId));
      if (!me?.secondFactor) {
        throw ownSecondFactorFirst({
          errors: [
            {
              field: 'requireTwoFactor',
              code: 'own_second_factor_missing',
              message: {
                sv: 'Aktivera tvåstegsverifiering för ditt eget konto under Kontaktuppgifter först.',
                en: 'Turn on two-factor authentication for your own account under Contact details first.',
              },
            },
          ],
        });
      }
    }
    await tx
      .update(organizations)
      .set({ requireTwoFactor: args.requireTwoFactor })
      .where(eq(organizations.id, args.actor.orgId));
    await recordAudit(tx, {
      at: deps.clock.now(),
      action: 'organization.settings_changed',
      actorUserId: args.actor.userId,
      orgId: args.actor.orgId,
      ip: args.ip,
      detail: { requireTwoFactor: args.requireTwoFactor },
    });
  });
  return { requireTwoFactor: args.requireTwoFactor };
}

async function findByOrgNumber(db: Executor, orgNumber: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.orgNumber, orgNumber));
  return org;
}

async function memberCount(db: Executor, orgId: string) {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId));
  return Number(row?.n ?? 0);
}

/**
 * JM: a client administrator brings in a contractor by organisation number and the e-mail of its first
 * administrator. The company is found or created and linked by an agreement with default terms. Only a
 * company nobody belongs to yet gets the invited administrator: a client must not be able to make
 * someone administrator of an existing contractor.
 */
export async function inviteContractor(
  deps: CompanyDeps,
  args: { actor: Actor; input: InviteContractorBody; ip?: string },
) {
  if (!can(args.actor, 'contractors.invite')) throw problems.forbidden();
  const orgNumber = normaliseOrgNumber(args.input.orgNumber);
  if (!orgNumber) throw invalidOrgNumber();
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    let org = await findByOrgNumber(tx, orgNumber);
    if (org && org.kind !== 'contractor') throw notAContractor();
    const created = !org;
    if (!org) {
      [org] = await tx
        .insert(organizations)
        .values({ kind: 'contractor', name: args.input.name, orgNumber, createdAt: now })
        .returning();
      await recordAudit(tx, {
        at: now,
        action: 'organization.created',
        actorUserId: args.actor.userId,
        orgId: org!.id,
        ip: args.ip,
        detail: { kind: 'contractor', orgNumber, by: args.actor.orgId },
      });
    }
    await linkContractor(tx, { clientOrgId: args.actor.orgId, contractorOrgId: org!.id, createdAt: now });
    const invited = (await memberCount(tx, org!.id)) === 0;
    if (invited)
      await issueInvitation(tx, deps, {
        email: args.input.email,
        grants: [{ orgId: org!.id, role: 'admin' }],
        invitedBy: args.actor.userId,
        ip: args.ip,
      });
    await recordAudit(tx, {
      at: now,
      action: 'contractor.invited',
      actorUserId: args.actor.userId,
      orgId: args.actor.orgId,
      ip: args.ip,
      detail: { contractorOrgId: org!.id, orgNumber, created, invited, email: args.input.email },
    });
    return { contractorOrgId: org!.id, created, invited };
  });
}

export async function listCompanies(deps: CompanyDeps): Promise<CompanySummary[]> {
  const rows = await deps.db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      orgNumber: organizations.orgNumber,
      createdAt: organizations.createdAt,
      members: sql<number>`(select count(*) from memberships m where m.org_id = ${organizations.id})`,
    })
    .from(organizations)
    .orderBy(asc(organizations.name))
    .limit(1000);
  return rows.map((r) => ({ ...r, members: Number(r.members), createdAt: r.createdAt.toISOString() }));
}

/** The operator creates a client or contractor and invites its first administrator. */
export async function createCompany(
  deps: CompanyDeps,
  args: { userId: string; input: CreateCompanyBody; ip?: string },
) {
  const orgNumber = normaliseOrgNumber(args.input.orgNumber);
  if (!orgNumber) throw invalidOrgNumber();
  return deps.db.transaction(async (tx) => {
    if (await findByOrgNumber(tx, orgNumber)) throw orgNumberTaken();
    const now = deps.clock.now();
    const [org] = await tx
      .insert(organizations)
      .values({ kind: args.input.kind, name: args.input.name, orgNumber, createdAt: now })
      .returning();
    await recordAudit(tx, {
      at: now,
      action: 'organization.created',
      actorUserId: args.userId,
      orgId: org!.id,
      ip: args.ip,
      detail: { kind: args.input.kind, orgNumber },
    });
    await issueInvitation(tx, deps, {
      email: args.input.adminEmail,
      grants: [{ orgId: org!.id, role: 'admin' }],
      invitedBy: args.userId,
      ip: args.ip,
    });
    return { id: org!.id };
  });
}

export const ACCOUNT_SETUP_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * myMonitor "Skapa första kontot": the installation's first operator administrator, without a password;
 * returns the one-time set-up link. The operator company is made if missing. Run again for an operator
 * who has not set up the account yet (the link was lost or ran out), it gives a new link and the old one
 * stops working; any other existing address is refused.
 */
export async function createOperator(deps: CompanyDeps, args: { email: string; name?: string }) {
  const email = args.email.trim().toLowerCase();
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    let [operator] = await tx.select().from(organizations).where(eq(organizations.kind, 'operator')).limit(1);
    if (!operator)
      [operator] = await tx
        .insert(organizations)
        .values({ kind: 'operator', name: 'Driftansvarig', createdAt: now })
        .returning();
    const existing = await emailInUse(tx, email);
    if (existing) {
      const [pending] = await tx
        .select({ id: users.id })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
        .where(
          and(
            eq(users.id, existing.id),
            isNull(users.passwordHash),
            isNull(users.deletedAt),
            eq(memberships.orgId, operator!.id),
            eq(memberships.role, 'admin'),
          ),
        );
      if (!pending) throw new Error(`An account with ${email} already exists`);
      await tx
        .update(userTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(userTokens.userId, pending.id),
            eq(userTokens.purpose, 'account_setup'),
            isNull(userTokens.usedAt),
          ),
        );
      const link = await issueSetupLink(tx, deps, { userId: pending.id, now });
      return { link, userId: pending.id, renewed: true };
    }
    const user = await insertUser(tx, {
      // A placeholder until the set-up page, where the operator chooses the username.
      username: `setup-${newToken().slice(0, 12)}`,
      email,
      name: args.name?.trim() || email,
      passwordHash: null,
      createdAt: now,
    });
    await tx
      .insert(memberships)
      .values({ userId: user.id, orgId: operator!.id, role: 'admin', createdAt: now });
    const link = await issueSetupLink(tx, deps, { userId: user.id, now });
    await recordAudit(tx, {
      at: now,
      action: 'user.created',
      orgId: operator!.id,
      targetUserId: user.id,
      detail: { role: 'admin', via: 'admin-cli' },
    });
    return { link, userId: user.id, renewed: false };
  });
}

async function issueSetupLink(tx: Executor, deps: CompanyDeps, args: { userId: string; now: Date }) {
  const token = newToken();
  await tx.insert(userTokens).values({
    tokenHash: hashToken(token),
    userId: args.userId,
    purpose: 'account_setup',
    createdAt: args.now,
    expiresAt: new Date(args.now.getTime() + ACCOUNT_SETUP_TTL_MS),
  });
  return `${deps.publicUrl}/account-setup/${token}`;
}

async function usableSetupToken(db: Executor, token: string, now: Date) {
  const [row] = await db
    .select({ userId: userTokens.userId, email: users.email, name: users.name })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.purpose, 'account_setup'),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    );
  if (!row) throw setupLinkInvalid();
  return row;
}

export async function viewAccountSetup(deps: CompanyDeps, args: { token: string }) {
  const row = await usableSetupToken(deps.db, args.token, deps.clock.now());
  return { email: row.email, name: row.name };
}

/** The set-up page: choose a username and password; the link is used up and the user logged in. */
export async function completeAccountSetup(
  deps: CompanyDeps,
  args: {
    token: string;
    input: { username: string; password: string; passwordConfirmation: string };
    previousToken?: string;
    userAgent?: string;
    ip?: string;
  },
) {
  const now = deps.clock.now();
  const row = await usableSetupToken(deps.db, args.token, now);
  const errors = passwordErrors(args.input);
  if (errors.length) throw problems.validation({ errors });
  const passwordHash = await hashPassword(args.input.password);
  return deps.db.transaction(async (tx) => {
    const used = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.tokenHash, hashToken(args.token)), isNull(userTokens.usedAt)))
      .returning({ userId: userTokens.userId });
    if (used.length !== 1) throw setupLinkInvalid();
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
    await tx
      .update(users)
      .set({ username: args.input.username, passwordHash, passwordChangedAt: now })
      .where(eq(users.id, row.userId));
    const token = await startSession(tx, {
      userId: row.userId,
      now,
      previousToken: args.previousToken,
      userAgent: args.userAgent,
      ip: args.ip,
    });
    return { token, userId: row.userId };
  });
}
