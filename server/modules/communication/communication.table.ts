import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { workOrders } from '../work-orders/work-orders.table.ts';

/** Beställningsfråga and its Beställningssvar. */
export const workOrderQuestions = pgTable(
  'work_order_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    askedByUserId: uuid('asked_by_user_id').references(() => users.id),
    askedByOrgId: uuid('asked_by_org_id')
      .notNull()
      .references(() => organizations.id),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    answer: text('answer'),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('work_order_questions_order_idx').on(t.workOrderId),
    index('work_order_questions_open_idx').on(t.askedAt).where(sql`${t.answeredAt} is null`),
  ],
);

/**
 * Messages on an order (Dialog / Meddelande till beställare). Written in Ordning they go out by
 * e-mail; replies by e-mail come back as `in`. A reply from an address that is not one of the
 * order's parties is `held` for review instead of posted.
 */
export const workOrderMessages = pgTable(
  'work_order_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['out', 'in'] }).notNull(),
    status: text('status', { enum: ['posted', 'held', 'rejected'] })
      .notNull()
      .default('posted'),
    body: text('body').notNull(),
    subject: text('subject'),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorOrgId: uuid('author_org_id').references(() => organizations.id),
    fromEmail: text('from_email'),
    sentTo: jsonb('sent_to').$type<string[]>().notNull().default([]),
    /** The Message-ID of the mail that carried it (sent or received), for threading. */
    mailMessageId: text('mail_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('work_order_messages_order_idx').on(t.workOrderId, t.createdAt),
    index('work_order_messages_held_idx').on(t.createdAt).where(sql`${t.status} = 'held'`),
  ],
);

/** Photos, video clips and PDFs on an order or a message. The bytes are in the file store. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => workOrderMessages.id, { onDelete: 'set null' }),
    storageKey: text('storage_key').notNull(),
    thumbnailKey: text('thumbnail_key'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    kind: text('kind', { enum: ['image', 'video', 'pdf'] }).notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    visibility: text('visibility', { enum: ['internal', 'shared', 'tenant'] })
      .notNull()
      .default('shared'),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    uploadedByOrgId: uuid('uploaded_by_org_id').references(() => organizations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachments_order_idx').on(t.workOrderId, t.createdAt)],
);
