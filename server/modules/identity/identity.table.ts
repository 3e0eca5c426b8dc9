import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Mobile number: also where SMS codes go when SMS is the second factor. */
    phone: text('phone'),
    /** Other phone numbers (work, home), free text. */
    otherPhone: text('other_phone'),
    locale: text('locale', { enum: ['sv', 'en'] })
      .notNull()
      .default('sv'),
    passwordHash: text('password_hash'),
    /** Which notifications the user turned off, and whether they want a daily digest instead. */
    notificationSettings: jsonb('notification_settings')
      .$type<{ off: string[]; digest: boolean }>()
      .notNull()
      .default({ off: [], digest: false }),
    /** Set for accounts created with a given password: the first login must choose a new one. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Set when an administrator deleted the account: personal fields are pseudonymised, audit rows stay. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** Failed password logins in a row (security.md 2); a success sets it back to 0. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lastFailedLoginAt: timestamp('last_failed_login_at', { withTimezone: true }),
    /** Second factor: 'totp' (authenticator app) or 'sms'; null when the user has none. */
    secondFactor: text('second_factor', { enum: ['totp', 'sms'] }),
    /** Base32 TOTP secret; set during enrolment, in force once `second_factor` is 'totp'. */
    totpSecret: text('totp_secret'),
    /** The last TOTP time step accepted: a code of this step or older is refused (security.md 4). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** Failed second-factor checks in the current hour (security.md 4), and when that hour began. */
    secondFactorFailures: integer('second_factor_failures').notNull().default(0),
    secondFactorFailuresSince: timestamp('second_factor_failures_since', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // Logins are case-insensitive: "Bestallare" and "bestallare" are the same user.
    uniqueIndex('users_username_lower_idx').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
  ],
);

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256 is stored, so a copy of
 * the database does not hand out live sessions.
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    /**
     * 'password': the password was right but the second factor is still to come — the session
     * reaches only the second-factor step. 'complete': fully logged in.
     */
    stage: text('stage', { enum: ['password', 'complete'] })
      .notNull()
      .default('complete'),
    /** SHA-256 of the SMS code sent for this session's second-factor step, and when it expires. */
    smsCodeHash: text('sms_code_hash'),
    smsCodeExpiresAt: timestamp('sms_code_expires_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Ten one-time recovery codes per user with TOTP, stored hashed; a used code is marked, never reused. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('recovery_codes_user_code_idx').on(t.userId, t.codeHash)],
);

/**
 * One-time links mailed to a user: password reset (30 minutes), confirmation of a new e-mail address,
 * the first operator's set-up link. Only the token's SHA-256 is stored (security.md 7).
 */
export const userTokens = pgTable(
  'user_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['password_reset', 'email_change', 'account_setup'] }).notNull(),
    /** For 'email_change': the address that becomes the user's once the link is followed. */
    newEmail: text('new_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId, t.purpose)],
);
