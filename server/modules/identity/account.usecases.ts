import { desc, eq, or } from 'drizzle-orm';
import type { FirstLoginBody, PersonalData, Profile, UpdateProfileBody } from '../../../contract/account.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { auditEvents } from '../audit/audit.table.ts';
import { memberships, organizations } from '../organizations/organizations.table.ts';
import { enqueueAccountMail } from './account.mail.ts';
import {
  consumeUserToken,
  countUnusedRecoveryCodes,
  deleteSessionsOfUser,
  findLiveUserToken,
  findPendingEmailChange,
  findUserByEmail,
  findUserById,
  insertUserToken,
  updateUser,
} from './identity.repository.ts';
import {
  assertPassword,
  PASSWORD_MIN_WITH_SECOND_FACTOR,
  PASSWORD_MIN_WITHOUT_SECOND_FACTOR,
} from './passwords.policy.ts';
import { type SecondFactorDeps, wrongPassword } from './second-factor.usecases.ts';
import { listSessions } from './sessions.usecases.ts';

export const EMAIL_CHANGE_MS = 24 * 60 * 60 * 1000;

export const emailTaken = defineProblem({
  status: 409,
  code: 'account.email_taken',
  title: {
    sv: 'E-postadressen används redan av ett annat konto',
    en: 'The e-mail address belongs to another account',
  },
});

export const emailLinkInvalid = defineProblem({
  status: 404,
  code: 'account.email_link_invalid',
  title: { sv: 'Länken gäller inte längre', en: 'The link is no longer valid' },
});

async function requireUser(deps: SecondFactorDeps, userId: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw problems.unauthenticated();
  return user;
}

export async function getProfile(deps: SecondFactorDeps, userId: string): Promise<Profile> {
  const user = await requireUser(deps, userId);
  const pending = await findPendingEmailChange(deps.db, userId, deps.clock.now());
  return {
    username: user.username,
    name: user.name,
    email: user.email,
    pendingEmail: pending?.newEmail ?? null,
    phone: user.phone,
    otherPhone: user.otherPhone,
    locale: user.locale,
    secondFactor: user.secondFactor,
    recoveryCodesLeft: user.secondFactor ? await countUnusedRecoveryCodes(deps.db, userId) : 0,
    smsAvailable: deps.sms !== null,
    passwordMinLength: user.secondFactor
      ? PASSWORD_MIN_WITH_SECOND_FACTOR
      : PASSWORD_MIN_WITHOUT_SECOND_FACTOR,
  };
}

/** Kontaktuppgifter: name, phones, language. The SMS number of an SMS user changes only by enrolment. */
export async function updateProfile(
  deps: SecondFactorDeps,
  args: { userId: string; input: UpdateProfileBody },
) {
  const user = await requireUser(deps, args.userId);
  const { input } = args;
  if (user.secondFactor === 'sms' && input.phone !== undefined && input.phone !== user.phone) {
    throw problems.validation({
      errors: [
        {
          field: 'phone',
          code: 'phone.used_for_sms',
          message: {
            sv: 'Numret tar emot dina inloggningskoder. Stäng av SMS-verifieringen för att byta det.',
            en: 'This number receives your login codes. Turn SMS verification off to change it.',
          },
        },
      ],
    });
  }
  await updateUser(deps.db, user.id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
    ...(input.otherPhone !== undefined ? { otherPhone: input.otherPhone || null } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  });
  return getProfile(deps, user.id);
}

/**
 * Familjebostäder's first login: the contact details checked and a new password chosen in one step;
 * only then does the rest of the app open. Other sessions end.
 */
export async function completeFirstLogin(
  deps: SecondFactorDeps,
  args: { userId: string; currentTokenHash: string; input: FirstLoginBody; ip?: string },
) {
  const user = await requireUser(deps, args.userId);
  if (!user.mustChangePassword) throw problems.conflict({ detail: 'The password has already been changed' });
  const { input } = args;
  assertPassword(input.newPassword, { field: 'newPassword', hasSecondFactor: user.secondFactor !== null });
  if (await verifyPassword(user.passwordHash, input.newPassword)) throw samePassword();
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      name: input.name,
      ...(input.phone !== undefined && user.secondFactor !== 'sms' ? { phone: input.phone || null } : {}),
      ...(input.otherPhone !== undefined ? { otherPhone: input.otherPhone || null } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      passwordHash,
      passwordChangedAt: now,
      mustChangePassword: false,
    });
    await deleteSessionsOfUser(tx, user.id, args.currentTokenHash);
    await recordAudit(tx, {
      at: now,
      action: 'password.changed',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: args.ip,
      detail: { firstLogin: true },
    });
  });
}

const samePassword = () =>
  problems.validation({
    errors: [
      {
        field: 'newPassword',
        code: 'password.same',
        message: {
          sv: 'Välj ett annat lösenord än det du fick',
          en: 'Choose a password other than the one you were given',
        },
      },
    ],
  });

/** Byt lösenord: the current one first (security.md 8); every other session ends (security.md 11). */
export async function changePassword(
  deps: SecondFactorDeps,
  args: {
    userId: string;
    currentTokenHash: string;
    currentPassword: string;
    newPassword: string;
    ip?: string;
  },
) {
  const user = await requireUser(deps, args.userId);
  if (!(await verifyPassword(user.passwordHash, args.currentPassword))) {
    throw problems.validation({
      errors: [
        {
          field: 'currentPassword',
          code: 'password.wrong',
          message: { sv: 'Fel lösenord', en: 'Wrong password' },
        },
      ],
    });
  }
  assertPassword(args.newPassword, { field: 'newPassword', hasSecondFactor: user.secondFactor !== null });
  const passwordHash = await hashPassword(args.newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: false });
    await deleteSessionsOfUser(tx, user.id, args.currentTokenHash);
    await recordAudit(tx, {
      at: now,
      action: 'password.changed',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: args.ip,
    });
  });
}

/**
 * A new e-mail address takes effect only once the link mailed to it is followed; the old address is
 * told (security.md 8: needs the current password).
 */
export async function requestEmailChange(
  deps: SecondFactorDeps,
  args: { userId: string; email: string; password: string; ip?: string },
) {
  const user = await requireUser(deps, args.userId);
  if (!(await verifyPassword(user.passwordHash, args.password))) throw wrongPassword();
  const email = args.email.trim().toLowerCase();
  if (email === user.email.toLowerCase()) throw problems.conflict({ detail: 'That is already your address' });
  const other = await findUserByEmail(deps.db, email);
  if (other) throw emailTaken();
  const token = newToken();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await insertUserToken(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose: 'email_change',
      newEmail: email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + EMAIL_CHANGE_MS),
    });
    await enqueueAccountMail(tx, deps, {
      kind: 'email_change',
      to: email,
      lang: user.locale,
      href: `${deps.publicUrl}/bekrafta-epost/${token}`,
    });
    await enqueueAccountMail(tx, deps, {
      kind: 'email_change_notice',
      to: user.email,
      lang: user.locale,
      href: `${deps.publicUrl}/`,
    });
    await recordAudit(tx, {
      at: now,
      action: 'email.change_requested',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: args.ip,
    });
  });
}

/** The link in the mail to the new address: the address becomes the account's. */
export async function confirmEmailChange(deps: SecondFactorDeps, args: { token: string; ip?: string }) {
  const now = deps.clock.now();
  const row = await findLiveUserToken(deps.db, hashToken(args.token), 'email_change', now);
  if (!row?.newEmail) throw emailLinkInvalid();
  const user = await findUserById(deps.db, row.userId);
  if (!user || user.disabledAt || user.deletedAt) throw emailLinkInvalid();
  const other = await findUserByEmail(deps.db, row.newEmail);
  if (other && other.id !== user.id) throw emailTaken();
  await deps.db.transaction(async (tx) => {
    if (!(await consumeUserToken(tx, row.tokenHash, now))) throw emailLinkInvalid();
    await updateUser(tx, user.id, { email: row.newEmail! });
    await recordAudit(tx, {
      at: now,
      action: 'email.changed',
      actorUserId: user.id,
      targetUserId: user.id,
      ip: args.ip,
    });
  });
  return { email: row.newEmail };
}

/** Everything held about the user, for "Ladda ned mina uppgifter" (security.md 32). */
export async function exportPersonalData(
  deps: SecondFactorDeps,
  args: { userId: string; currentTokenHash: string },
): Promise<PersonalData> {
  const user = await requireUser(deps, args.userId);
  const member = await deps.db
    .select({
      orgId: organizations.id,
      orgName: organizations.name,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, user.id));
  const audit = await deps.db
    .select()
    .from(auditEvents)
    .where(or(eq(auditEvents.actorUserId, user.id), eq(auditEvents.targetUserId, user.id)))
    .orderBy(desc(auditEvents.at))
    .limit(10_000);
  return {
    exportedAt: deps.clock.now().toISOString(),
    profile: {
      id: user.id,
      username: user.username,
      name: user.name,
      email: user.email,
      phone: user.phone,
      otherPhone: user.otherPhone,
      locale: user.locale,
      secondFactor: user.secondFactor,
      notificationSettings: user.notificationSettings,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
    },
    memberships: member.map((m) => ({ ...m, since: m.since.toISOString() })),
    sessions: await listSessions(deps, { userId: user.id, currentTokenHash: args.currentTokenHash }),
    auditEvents: audit.map((a) => ({
      at: a.at.toISOString(),
      action: a.action,
      orgId: a.orgId,
      ip: a.ip,
      detail: a.detail,
    })),
  };
}
