/** Photos, video clips and PDFs on an order: upload, list, download (with byte ranges for video). */
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Attachment } from '../../../contract/communication.ts';
import type { Executor, Tx } from '../../platform/db.ts';
import { problems } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { users } from '../identity/identity.table.ts';
import { canReadWorkOrders } from '../work-orders/work-orders.policy.ts';
import { insertEvent, workOrderAccess } from '../work-orders/work-orders.repository.ts';
import { workOrders } from '../work-orders/work-orders.table.ts';
import { scopeOf } from '../work-orders/work-orders.usecases.ts';
import { cleanFileName, processUpload } from './attachments.process.ts';
import { attachments, workOrderMessages } from './communication.table.ts';
import { type CommunicationDeps, orderToWriteOn, visibilitiesFor } from './communication.usecases.ts';

export type AttachmentDeps = CommunicationDeps & { files: FileStore };

type Row = typeof attachments.$inferSelect & { uploaderName: string | null };

export function toAttachment(row: Row): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    kind: row.kind,
    width: row.width,
    height: row.height,
    uploadedBy: row.uploadedByUserId ? { id: row.uploadedByUserId, name: row.uploaderName ?? '' } : null,
    uploadedAt: row.createdAt.toISOString(),
    messageId: row.messageId,
    visibility: row.visibility,
  };
}

/** Checks, cleans and stores one file, and records it on the order with an event. */
export async function storeAttachment(args: {
  tx: Tx;
  deps: AttachmentDeps;
  workOrderId: string;
  bytes: Buffer;
  fileName: string | undefined;
  contentType?: string | undefined;
  visibility: 'internal' | 'shared' | 'tenant';
  by: { userId: string | null; orgId: string | null };
  messageId?: string | null;
  /** False for a reply held for review: its files stay out of the log until it is posted. */
  logEvent?: boolean;
}) {
  const processed = await processUpload(args.bytes, {
    fileName: args.fileName,
    contentType: args.contentType,
  });
  const storageKey = await args.deps.files.put(processed.bytes);
  const thumbnailKey = processed.thumbnail ? await args.deps.files.put(processed.thumbnail) : null;
  const extension = { image: processed.contentType.split('/')[1], video: 'mp4', pdf: 'pdf' }[processed.kind];
  const now = args.deps.clock.now();
  const [row] = await args.tx
    .insert(attachments)
    .values({
      workOrderId: args.workOrderId,
      messageId: args.messageId ?? null,
      storageKey,
      thumbnailKey,
      fileName: cleanFileName(args.fileName, `fil.${extension}`),
      contentType: processed.contentType,
      kind: processed.kind,
      size: processed.bytes.length,
      width: processed.width,
      height: processed.height,
      visibility: args.visibility,
      uploadedByUserId: args.by.userId,
      uploadedByOrgId: args.by.orgId,
      createdAt: now,
    })
    .returning();
  if (args.logEvent !== false) await logAttachment(args.tx, row!, now);
  return row!;
}

/** The log entry for a file on the order ("Bild bifogad"). */
export async function logAttachment(tx: Tx, row: typeof attachments.$inferSelect, at: Date) {
  await insertEvent(tx, {
    workOrderId: row.workOrderId,
    type: 'attachment',
    visibility: row.visibility,
    actorUserId: row.uploadedByUserId,
    actorOrgId: row.uploadedByOrgId,
    data: { attachmentId: row.id, fileName: row.fileName, kind: row.kind },
    createdAt: at,
  });
}

/**
 * The files a reader may see: of the visibilities their side may see, and not belonging to a reply
 * that is held for review (or was rejected) — a stranger's files never reach the order unreviewed.
 */
function visibleTo(actor: Actor): SQL {
  return and(
    inArray(attachments.visibility, visibilitiesFor(actor)),
    or(
      isNull(attachments.messageId),
      sql`exists (select 1 from ${workOrderMessages} where ${workOrderMessages.id} = ${attachments.messageId} and ${workOrderMessages.status} = 'posted')`,
    ),
  )!;
}

export async function uploadAttachment(
  deps: AttachmentDeps,
  args: {
    actor: Actor;
    id: string;
    bytes: Buffer;
    fileName: string | undefined;
    contentType: string | undefined;
    visibility: 'internal' | 'shared' | 'tenant';
  },
): Promise<Attachment> {
  const { actor } = args;
  if (actor.orgKind === 'client' && args.visibility === 'internal') {
    throw problems.validation({
      errors: [
        { field: 'visibility', code: 'not_allowed', message: { sv: 'Får inte anges', en: 'May not be set' } },
      ],
    });
  }
  const row = await deps.db.transaction(async (tx) => {
    const order = await orderToWriteOn(tx, deps, actor, args.id);
    return storeAttachment({
      tx,
      deps,
      workOrderId: order.id,
      bytes: args.bytes,
      fileName: args.fileName,
      contentType: args.contentType,
      visibility: args.visibility,
      by: { userId: actor.userId, orgId: actor.orgId },
    });
  });
  return toAttachment({ ...row, uploaderName: null });
}

async function reachable(
  db: Executor,
  deps: { clock: CommunicationDeps['clock'] },
  actor: Actor,
  id: string,
) {
  if (!canReadWorkOrders(actor)) throw problems.forbidden();
  const [row] = await db
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(and(workOrderAccess(scopeOf(actor, deps.clock)), eq(workOrders.id, id)));
  if (!row) throw problems.notFound();
}

export async function listAttachments(deps: AttachmentDeps, args: { actor: Actor; id: string }) {
  await reachable(deps.db, deps, args.actor, args.id);
  const rows = await deps.db
    .select({ a: attachments, uploaderName: users.name })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedByUserId))
    .where(and(eq(attachments.workOrderId, args.id), visibleTo(args.actor)))
    .orderBy(asc(attachments.createdAt));
  return { items: rows.map((r) => toAttachment({ ...r.a, uploaderName: r.uploaderName })) };
}

/** One attachment for download: only through an order the actor can reach, and only if they may see it. */
export async function findAttachment(
  deps: AttachmentDeps,
  args: { actor: Actor; id: string; attachmentId: string },
) {
  await reachable(deps.db, deps, args.actor, args.id);
  const [row] = await deps.db
    .select()
    .from(attachments)
    .where(
      and(eq(attachments.id, args.attachmentId), eq(attachments.workOrderId, args.id), visibleTo(args.actor)),
    );
  if (!row) throw problems.notFound();
  return row;
}

/** `Range: bytes=a-b` for one range; null when absent; 'invalid' when it cannot be satisfied. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}

/** `attachment; filename="…"; filename*=UTF-8''…` with the name encoded (RFC 6266). */
export function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
