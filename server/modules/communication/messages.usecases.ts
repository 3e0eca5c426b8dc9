/**
 * Messages on an order (Dialog med beställaren / Meddelande till beställare). A message is logged on
 * the order and mailed to the other side with a reply address that carries the order's token; a
 * reply by mail comes back as a message from its sender. A reply from someone who is not a party to
 * the order is held for review instead.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Message } from '../../../contract/communication.ts';
import { newToken } from '../../platform/auth/tokens.ts';
import type { Tx } from '../../platform/db.ts';
import { Problem, problems } from '../../platform/errors.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { users } from '../identity/identity.table.ts';
import { notify, type Recipient } from '../notifications/notifications.ts';
import {
  findMembership,
  findOrganization,
  listMembersWithRoles,
} from '../organizations/organizations.repository.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { can } from '../organizations/roles.policy.ts';
import { insertEvent } from '../work-orders/work-orders.repository.ts';
import { type WorkOrderRow, workOrders } from '../work-orders/work-orders.table.ts';
import { cleanFileName } from './attachments.process.ts';
import { type AttachmentDeps, logAttachment, storeAttachment, toAttachment } from './attachments.usecases.ts';
import { orderTalkMail } from './communication.mail.ts';
import { attachments, workOrderMessages } from './communication.table.ts';
import { orderToWriteOn } from './communication.usecases.ts';
import { replyText } from './reply-text.ts';

export type MessageDeps = AttachmentDeps & { replyDomain: string };

type Side = 'client' | 'contractor';
type Author = { userId: string | null; orgId: string; side: Side; name: string; email: string | null };

function replyAddress(deps: MessageDeps, token: string, order: WorkOrderRow) {
  return `Ordning AO ${order.number} <reply+${token}@${deps.replyDomain}>`;
}

async function ensureReplyToken(tx: Tx, order: WorkOrderRow): Promise<string> {
  if (order.replyToken) return order.replyToken;
  const token = newToken();
  await tx.update(workOrders).set({ replyToken: token }).where(eq(workOrders.id, order.id));
  return token;
}

/** The other side's people for a message: its primary person(s), and whoever of it has written before. */
async function otherSide(
  tx: Tx,
  order: WorkOrderRow,
  authorSide: Side,
): Promise<{ users: Recipient[]; external: string[] }> {
  const earlier = await tx
    .selectDistinct({ userId: workOrderMessages.authorUserId })
    .from(workOrderMessages)
    .where(and(eq(workOrderMessages.workOrderId, order.id), eq(workOrderMessages.status, 'posted')));
  const writers = new Set(earlier.map((e) => e.userId).filter(Boolean));
  if (authorSide === 'contractor') {
    const members = await listMembersWithRoles(tx, {
      orgId: order.clientOrgId,
      roles: ['admin', 'coordinator'],
    });
    const primary = members.filter((m) => m.userId === order.orderedByUserId);
    const chosen = [
      ...(primary.length ? primary : members.filter((m) => m.role === 'coordinator')),
      ...members.filter((m) => writers.has(m.userId)),
    ];
    const external =
      order.clientContactEmail && !members.some((m) => m.email === order.clientContactEmail)
        ? [order.clientContactEmail]
        : [];
    return { users: chosen, external };
  }
  if (!order.contractorOrgId) return { users: [], external: [] };
  const members = await listMembersWithRoles(tx, {
    orgId: order.contractorOrgId,
    roles: ['admin', 'manager', 'technician'],
  });
  const contact = members.filter((m) => m.userId === order.contractorContactUserId);
  const chosen = [
    ...(contact.length ? contact : members.filter((m) => m.role === 'admin' || m.role === 'manager')),
    ...members.filter((m) => writers.has(m.userId)),
  ];
  return { users: chosen, external: [] };
}

/** The Message-ID Ordning gives its copies of a message (deterministic, so threads can name it later). */
function relayId(deps: MessageDeps, messageId: string) {
  return `<msg-${messageId}@${deps.replyDomain}>`;
}

/**
 * In-Reply-To and References for a message's mails: the order's earlier messages, oldest first —
 * for a reply that came by mail both the sender's own Message-ID and that of the copies Ordning sent
 * on — and, for a message that itself came by mail, the mail it is relaying.
 */
async function threadOf(tx: Tx, deps: MessageDeps, orderId: string, messageId: string) {
  const earlier = await tx
    .select({
      id: workOrderMessages.id,
      direction: workOrderMessages.direction,
      mailMessageId: workOrderMessages.mailMessageId,
    })
    .from(workOrderMessages)
    .where(
      and(
        eq(workOrderMessages.workOrderId, orderId),
        eq(workOrderMessages.status, 'posted'),
        sql`${workOrderMessages.id} <> ${messageId}`,
      ),
    )
    .orderBy(desc(workOrderMessages.createdAt))
    .limit(10);
  const references: string[] = [];
  for (const m of earlier.reverse()) {
    if (m.direction === 'in' && m.mailMessageId) references.push(m.mailMessageId);
    references.push(m.direction === 'out' && m.mailMessageId ? m.mailMessageId : relayId(deps, m.id));
  }
  const [self] = await tx
    .select({ mailMessageId: workOrderMessages.mailMessageId })
    .from(workOrderMessages)
    .where(eq(workOrderMessages.id, messageId));
  if (self?.mailMessageId) references.push(self.mailMessageId);
  const unique = [...new Set(references)];
  return { inReplyTo: unique.at(-1), references: unique };
}

/** Logs the message and mails it to the other side, threaded after the order's earlier messages. */
async function deliver(args: {
  tx: Tx;
  deps: MessageDeps;
  order: WorkOrderRow;
  author: Author;
  body: string;
  messageId: string;
}) {
  const { tx, deps, order, author, body } = args;
  const token = await ensureReplyToken(tx, order);
  const thread = await threadOf(tx, deps, order.id, args.messageId);
  const orgName = (await findOrganization(tx, author.orgId))?.name ?? '';
  const { users: recipients, external } = await otherSide(tx, order, author.side);
  const recipientOrgId = author.side === 'contractor' ? order.clientOrgId : order.contractorOrgId!;
  const replyTo = replyAddress(deps, token, order);
  // Every copy of one message shares its Message-ID, so replies from anyone thread after it.
  const outgoingId = relayId(deps, args.messageId);
  // The files go no further than the order (its access check); the mail names them.
  const files = (
    await tx
      .select({ fileName: attachments.fileName })
      .from(attachments)
      .where(eq(attachments.messageId, args.messageId))
      .orderBy(asc(attachments.createdAt))
  ).map((f) => f.fileName);
  const compose = (recipient: { email: string; locale: 'sv' | 'en' }) => ({
    ...orderTalkMail({
      kind: 'message',
      order,
      recipientOrgId,
      recipient,
      author: { name: author.name, orgName },
      body,
      publicUrl: deps.publicUrl,
      replyTo,
      thread,
      files,
    }),
    messageId: outgoingId,
  });
  const { mailed } = await notify({
    tx,
    clock: deps.clock,
    kind: 'message',
    recipients,
    compose,
    digest: (r) => ({
      line:
        r.locale === 'sv'
          ? `Meddelande om AO ${order.number} från ${author.name}: ${body.slice(0, 200)}`
          : `Message about WO ${order.number} from ${author.name}: ${body.slice(0, 200)}`,
      link: `${deps.publicUrl}/orgs/${recipientOrgId}/work-orders/${order.id}`,
    }),
    context: { workOrderId: order.id, orgId: author.orgId },
  });
  for (const email of external) {
    await enqueueMail(tx, deps.clock, {
      message: compose({ email, locale: 'sv' }),
      context: { workOrderId: order.id, orgId: author.orgId },
    });
  }
  const sentTo = [...mailed, ...external];
  // A message that came in by mail keeps its own Message-ID: it is what a resent copy would carry.
  await tx
    .update(workOrderMessages)
    .set({ sentTo, mailMessageId: sql`coalesce(${workOrderMessages.mailMessageId}, ${outgoingId})` })
    .where(eq(workOrderMessages.id, args.messageId));
  return sentTo;
}

export async function postMessage(
  deps: MessageDeps,
  args: { actor: Actor; id: string; body: string; attachmentIds?: string[] | undefined },
): Promise<Message> {
  const { actor } = args;
  const messageId = await deps.db.transaction(async (tx) => {
    const order = await orderToWriteOn(tx, deps, actor, args.id);
    const now = deps.clock.now();
    const [message] = await tx
      .insert(workOrderMessages)
      .values({
        workOrderId: order.id,
        direction: 'out',
        body: args.body,
        authorUserId: actor.userId,
        authorOrgId: actor.orgId,
        createdAt: now,
      })
      .returning();
    if (args.attachmentIds?.length) {
      const linked = await tx
        .update(attachments)
        .set({ messageId: message!.id })
        .where(
          and(
            eq(attachments.workOrderId, order.id),
            inArray(attachments.id, args.attachmentIds),
            isNull(attachments.messageId),
            eq(attachments.visibility, 'shared'),
          ),
        )
        .returning({ id: attachments.id });
      if (linked.length !== args.attachmentIds.length) {
        throw problems.validation({
          errors: [
            {
              field: 'attachmentIds',
              code: 'unknown_attachment',
              message: { sv: 'Okänd bilaga', en: 'Unknown attachment' },
            },
          ],
        });
      }
    }
    const [author] = await tx
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, actor.userId));
    const side: Side = actor.orgKind === 'client' ? 'client' : 'contractor';
    const sentTo = await deliver({
      tx,
      deps,
      order,
      author: {
        userId: actor.userId,
        orgId: actor.orgId,
        side,
        name: author?.name ?? '',
        email: author?.email ?? null,
      },
      body: args.body,
      messageId: message!.id,
    });
    await insertEvent(tx, {
      workOrderId: order.id,
      type: 'message',
      visibility: 'shared',
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      data: { messageId: message!.id, text: args.body, sentTo },
      createdAt: now,
    });
    return message!.id;
  });
  const thread = await listMessages(deps, { orderId: args.id });
  return thread.find((m) => m.id === messageId)!;
}

/** The posted messages of an order, oldest first, with their attachments. Access is the caller's to check. */
export async function listMessages(deps: MessageDeps, args: { orderId: string }): Promise<Message[]> {
  const rows = await deps.db
    .select({ m: workOrderMessages, authorName: users.name, orgName: organizations.name })
    .from(workOrderMessages)
    .leftJoin(users, eq(users.id, workOrderMessages.authorUserId))
    .leftJoin(organizations, eq(organizations.id, workOrderMessages.authorOrgId))
    .where(and(eq(workOrderMessages.workOrderId, args.orderId), eq(workOrderMessages.status, 'posted')))
    .orderBy(asc(workOrderMessages.createdAt));
  const files = rows.length
    ? await deps.db
        .select()
        .from(attachments)
        .where(and(eq(attachments.workOrderId, args.orderId), sql`${attachments.messageId} is not null`))
    : [];
  return rows.map((r) => ({
    id: r.m.id,
    direction: r.m.direction,
    body: r.m.body,
    author: r.m.authorUserId ? { id: r.m.authorUserId, name: r.authorName ?? '' } : null,
    authorOrg: r.m.authorOrgId ? { id: r.m.authorOrgId, name: r.orgName ?? '' } : null,
    fromEmail: r.m.fromEmail,
    sentTo: r.m.sentTo,
    createdAt: r.m.createdAt.toISOString(),
    attachments: files
      .filter((f) => f.messageId === r.m.id)
      .map((f) => toAttachment({ ...f, uploaderName: null })),
  }));
}

/** Inline pictures smaller than this in an HTML reply are taken for a signature's logo and left out. */
const SIGNATURE_IMAGE_BYTES = 20 * 1024;

/**
 * The text of a mail. mailparser turns HTML into text only when the HTML is the whole mail, so an
 * HTML-only reply with a picture or a file in it (multipart/related or /mixed) has no text: that
 * HTML is given to mailparser again on its own to be converted the same way (quotes become "> ").
 */
async function plainTextOf(parsed: ParsedMail): Promise<string> {
  if (parsed.text?.trim()) return parsed.text;
  if (typeof parsed.html !== 'string' || !parsed.html.trim()) return parsed.text ?? '';
  const alone = [
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    // Pictures (mailparser has put inline ones in as data: URLs) are attachments, not text.
    ...(Buffer.from(parsed.html.replace(/<img\b[^>]*>/gi, ''), 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []),
  ].join('\r\n');
  return (await simpleParser(alone)).text ?? '';
}

const TOKEN = /reply\+([A-Za-z0-9_-]{20,100})@/i;

export type InboundResult =
  | { status: 'posted'; workOrderId: string; messageId: string }
  | { status: 'held'; workOrderId: string; messageId: string }
  | { status: 'duplicate'; workOrderId: string }
  | { status: 'unknown_recipient' };

/**
 * A mail that arrived for a reply address, by SMTP or posted by a mail provider. Finds the order from
 * the token, decides who sent it, keeps the new text and the attachments, and posts it — or holds it
 * when the sender is not one of the order's parties.
 */
export async function receiveMail(
  deps: MessageDeps,
  args: { raw: Buffer; recipients?: string[] },
): Promise<InboundResult> {
  const parsed = await simpleParser(args.raw);
  const addresses = [
    ...(args.recipients ?? []),
    ...[parsed.to, parsed.cc].flatMap((a) =>
      a ? (Array.isArray(a) ? a : [a]).flatMap((x) => x.value.map((v) => v.address ?? '')) : [],
    ),
  ];
  const token = addresses.map((a) => TOKEN.exec(a)?.[1]).find(Boolean);
  if (!token) return { status: 'unknown_recipient' };
  const from = parsed.from?.value[0]?.address?.toLowerCase() ?? '';
  const mailMessageId = parsed.messageId ?? null;

  return deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(workOrders).where(eq(workOrders.replyToken, token)).for('update');
    if (!order) return { status: 'unknown_recipient' } as const;
    if (mailMessageId) {
      const [seen] = await tx
        .select({ id: workOrderMessages.id })
        .from(workOrderMessages)
        .where(
          and(
            eq(workOrderMessages.workOrderId, order.id),
            eq(workOrderMessages.mailMessageId, mailMessageId),
          ),
        );
      if (seen) return { status: 'duplicate', workOrderId: order.id } as const;
    }
    const author = await partyOf(tx, order, from);
    const body = replyText(await plainTextOf(parsed));
    const now = deps.clock.now();
    const [message] = await tx
      .insert(workOrderMessages)
      .values({
        workOrderId: order.id,
        direction: 'in',
        status: author ? 'posted' : 'held',
        body,
        subject: parsed.subject ?? null,
        authorUserId: author?.userId ?? null,
        authorOrgId: author?.orgId ?? null,
        fromEmail: from,
        mailMessageId,
        createdAt: now,
      })
      .returning();
    const dropped: string[] = [];
    for (const file of parsed.attachments ?? []) {
      // A small picture the HTML shows inline is a signature's logo or icon, not something sent.
      if (file.related && file.contentType.startsWith('image/') && file.size < SIGNATURE_IMAGE_BYTES)
        continue;
      try {
        await storeAttachment({
          tx,
          deps,
          workOrderId: order.id,
          bytes: file.content,
          fileName: file.filename,
          contentType: file.contentType,
          visibility: 'shared',
          by: { userId: author?.userId ?? null, orgId: author?.orgId ?? null },
          messageId: message!.id,
          // A held reply's files reach the log only when it is posted.
          logEvent: Boolean(author),
        });
      } catch (err) {
        if (!(err instanceof Problem)) throw err;
        // A file of a kind we do not take, or too large: the text still arrives, and the log says
        // which file was left out so nobody waits for it.
        dropped.push(cleanFileName(file.filename, file.contentType || 'bilaga'));
      }
    }
    if (!author) return { status: 'held', workOrderId: order.id, messageId: message!.id } as const;
    await postInbound({ tx, deps, order, author, body, messageId: message!.id, now, dropped });
    return { status: 'posted', workOrderId: order.id, messageId: message!.id } as const;
  });
}

async function postInbound(args: {
  tx: Tx;
  deps: MessageDeps;
  order: WorkOrderRow;
  author: Author;
  body: string;
  messageId: string;
  now: Date;
  /** Files in the mail that could not be kept. */
  dropped?: string[];
}) {
  const { tx, deps, order, author, body, messageId, now } = args;
  await insertEvent(tx, {
    workOrderId: order.id,
    type: 'message',
    visibility: 'shared',
    actorUserId: author.userId,
    actorOrgId: author.orgId,
    data: {
      messageId,
      text: body,
      byMail: true,
      fromEmail: author.email,
      ...(args.dropped?.length ? { droppedFiles: args.dropped } : {}),
    },
    createdAt: now,
  });
  await deliver({ tx, deps, order, author, body, messageId });
}

/** Whether an address belongs to one of the order's parties, and as whom. */
async function partyOf(tx: Tx, order: WorkOrderRow, email: string): Promise<Author | null> {
  if (!email) return null;
  const [user] = await tx
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.disabledAt)));
  if (user) {
    for (const [orgId, side] of [
      [order.clientOrgId, 'client'],
      [order.contractorOrgId, 'contractor'],
    ] as const) {
      if (!orgId) continue;
      const membership = await findMembership(tx, { userId: user.id, orgId });
      if (membership && membership.role !== 'support' && membership.role !== 'viewer') {
        if (
          side === 'contractor' &&
          membership.role === 'technician' &&
          order.contractorContactUserId !== user.id
        )
          continue;
        return { userId: user.id, orgId, side, name: user.name, email };
      }
    }
  }
  if (order.clientContactEmail && order.clientContactEmail.toLowerCase() === email) {
    return {
      userId: null,
      orgId: order.clientOrgId,
      side: 'client',
      name: order.clientContactName ?? email,
      email,
    };
  }
  return null;
}

/** Held replies waiting for review by an administrator of one of the order's companies. */
export async function listHeld(deps: MessageDeps, args: { actor: Actor }) {
  if (!can(args.actor, 'mail.manage')) throw problems.forbidden();
  const rows = await deps.db
    .select({ m: workOrderMessages, number: workOrders.number })
    .from(workOrderMessages)
    .innerJoin(workOrders, eq(workOrders.id, workOrderMessages.workOrderId))
    .where(
      and(
        eq(workOrderMessages.status, 'held'),
        sql`(${workOrders.clientOrgId} = ${args.actor.orgId} or ${workOrders.contractorOrgId} = ${args.actor.orgId})`,
      ),
    )
    .orderBy(desc(workOrderMessages.createdAt))
    .limit(200);
  const files = rows.length
    ? await deps.db
        .select({
          messageId: attachments.messageId,
          fileName: attachments.fileName,
          kind: attachments.kind,
          size: attachments.size,
        })
        .from(attachments)
        .where(
          inArray(
            attachments.messageId,
            rows.map((r) => r.m.id),
          ),
        )
        .orderBy(asc(attachments.createdAt))
    : [];
  return {
    items: rows.map((r) => ({
      id: r.m.id,
      workOrderId: r.m.workOrderId,
      workOrderNumber: r.number,
      fromEmail: r.m.fromEmail ?? '',
      subject: r.m.subject ?? '',
      body: r.m.body,
      receivedAt: r.m.createdAt.toISOString(),
      attachments: files
        .filter((f) => f.messageId === r.m.id)
        .map((f) => ({ fileName: f.fileName, kind: f.kind, size: f.size })),
    })),
  };
}

/** An administrator posts a held reply onto the order (as from its sender) or throws it away. */
export async function reviewHeld(
  deps: MessageDeps,
  args: { actor: Actor; messageId: string; decision: 'post' | 'reject' },
) {
  if (!can(args.actor, 'mail.manage')) throw problems.forbidden();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ m: workOrderMessages, order: workOrders })
      .from(workOrderMessages)
      .innerJoin(workOrders, eq(workOrders.id, workOrderMessages.workOrderId))
      .where(
        and(
          eq(workOrderMessages.id, args.messageId),
          eq(workOrderMessages.status, 'held'),
          sql`(${workOrders.clientOrgId} = ${args.actor.orgId} or ${workOrders.contractorOrgId} = ${args.actor.orgId})`,
        ),
      )
      .for('update');
    if (!row) throw problems.notFound();
    if (args.decision === 'reject') {
      await tx
        .update(workOrderMessages)
        .set({ status: 'rejected' })
        .where(eq(workOrderMessages.id, row.m.id));
      return;
    }
    const side: Side = row.order.clientOrgId === args.actor.orgId ? 'client' : 'contractor';
    await tx
      .update(workOrderMessages)
      .set({ status: 'posted', authorOrgId: args.actor.orgId })
      .where(eq(workOrderMessages.id, row.m.id));
    const now = deps.clock.now();
    const files = await tx
      .select()
      .from(attachments)
      .where(eq(attachments.messageId, row.m.id))
      .orderBy(asc(attachments.createdAt));
    for (const file of files) await logAttachment(tx, file, now);
    await postInbound({
      tx,
      deps,
      order: row.order,
      author: {
        userId: null,
        orgId: args.actor.orgId,
        side,
        name: row.m.fromEmail ?? '',
        email: row.m.fromEmail,
      },
      body: row.m.body,
      messageId: row.m.id,
      now,
    });
  });
}
