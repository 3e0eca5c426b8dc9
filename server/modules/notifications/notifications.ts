/**
 * Who gets which mail. Every notification goes through here: the user's settings decide whether it
 * is mailed now, kept for the daily digest, or not sent at all. Mail goes through the outbox in the
 * caller's transaction.
 */
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { notificationKinds } from '../../../contract/notifications.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { renderMail } from '../../platform/mail/layout.ts';
import { enqueueMail, type MailContext, type MailMessage, newMessageId } from '../../platform/mail/mail.ts';
import { users } from '../identity/identity.table.ts';
import { digestItems } from './notifications.table.ts';

export type NotificationKind = (typeof notificationKinds)[number];

export type Recipient = {
  userId: string;
  email: string;
  locale: 'sv' | 'en';
  notificationSettings: { off: string[]; digest: boolean };
};

export async function notify(args: {
  tx: Executor;
  clock: Clock;
  kind: NotificationKind;
  recipients: Recipient[];
  compose: (recipient: Recipient) => MailMessage;
  /** The line for the digest, in the recipient's language, and where it links to. */
  digest: (recipient: Recipient) => { line: string; link: string };
  context: MailContext;
}): Promise<{ mailed: string[]; digested: string[] }> {
  const { tx, clock, kind, context } = args;
  const seen = new Set<string>();
  const mailed: string[] = [];
  const digested: string[] = [];
  for (const recipient of args.recipients) {
    if (seen.has(recipient.userId)) continue;
    seen.add(recipient.userId);
    if (recipient.notificationSettings.off.includes(kind)) continue;
    if (recipient.notificationSettings.digest) {
      const { line, link } = args.digest(recipient);
      await tx
        .insert(digestItems)
        .values({ userId: recipient.userId, kind, line, link, createdAt: clock.now() });
      digested.push(recipient.email);
      continue;
    }
    await enqueueMail(tx, clock, { message: args.compose(recipient), context });
    mailed.push(recipient.email);
  }
  return { mailed, digested };
}

const digestTexts = {
  sv: {
    subject: (n: number) => `Ordning: ${n} ${n === 1 ? 'händelse' : 'händelser'} sedan sist`,
    heading: 'Sammanfattning från Ordning',
    intro: 'Det här har hänt på era arbetsordrar sedan förra sammanfattningen.',
    open: 'Öppna Ordning',
    footer:
      'Du får en sammanfattning om dagen i stället för enskilda mejl. Det ändrar du under E-postaviseringar i användarmenyn.',
  },
  en: {
    subject: (n: number) => `Ordning: ${n} ${n === 1 ? 'event' : 'events'} since last time`,
    heading: 'Summary from Ordning',
    intro: 'This happened on your work orders since the last summary.',
    open: 'Open Ordning',
    footer:
      'You get one summary a day instead of single mails. Change it under E-mail notifications in the user menu.',
  },
};

/**
 * Sends each user with kept items one digest mail listing them, and clears them — all in one
 * transaction per user, so a crash never loses or repeats a digest.
 */
export async function sendDigests(args: { db: Database; clock: Clock; publicUrl: string; before?: Date }) {
  const cutoff = args.before ?? args.clock.now();
  const pending = await args.db
    .selectDistinct({ userId: digestItems.userId })
    .from(digestItems)
    .where(lt(digestItems.createdAt, cutoff));
  let sent = 0;
  for (const { userId } of pending) {
    await args.db.transaction(async (tx) => {
      const items = await tx
        .select()
        .from(digestItems)
        .where(and(eq(digestItems.userId, userId), lt(digestItems.createdAt, cutoff)))
        .orderBy(asc(digestItems.createdAt))
        .for('update', { skipLocked: true });
      const [user] = await tx.select().from(users).where(eq(users.id, userId));
      if (items.length === 0 || !user || user.disabledAt) return;
      const t = digestTexts[user.locale];
      const { html, text } = renderMail({
        lang: user.locale,
        heading: t.heading,
        intro: t.intro,
        facts: [],
        items: items.map((item) => ({ text: item.line, href: item.link })),
        action: { label: t.open, href: args.publicUrl },
        footer: t.footer,
      });
      await enqueueMail(tx, args.clock, {
        message: {
          to: [user.email],
          subject: t.subject(items.length),
          text,
          html,
          messageId: newMessageId(args.publicUrl),
        },
      });
      await tx.delete(digestItems).where(
        inArray(
          digestItems.id,
          items.map((i) => i.id),
        ),
      );
      sent++;
    });
  }
  return { sent };
}
