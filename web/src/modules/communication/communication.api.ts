import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Attachment, heldMailSchema, Message, NoteBody } from '../../../../contract/communication.ts';
import type { tenantLinkSchema } from '../../../../contract/tenant-links.ts';
import { getJson, postJson, request } from '../../app/api.ts';
import { questionKeys } from './questions.api.ts';

export type HeldMail = z.infer<typeof heldMailSchema>;
export type TenantLink = z.infer<typeof tenantLinkSchema>;

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
const order = (orgId: string, id: string) => `${base(orgId)}/work-orders/${encodeURIComponent(id)}`;

export const talkKeys = {
  messages: (orgId: string, id: string) => ['talk', orgId, id, 'messages'] as const,
  attachments: (orgId: string, id: string) => ['talk', orgId, id, 'attachments'] as const,
  questions: questionKeys.all,
  held: (orgId: string) => ['talk', orgId, 'held'] as const,
};

/** The Dialog on an order, oldest first. */
export function messagesQuery(orgId: string, id: string) {
  return queryOptions({
    queryKey: talkKeys.messages(orgId, id),
    queryFn: ({ signal }) => getJson<{ items: Message[] }>(`${order(orgId, id)}/messages`, { signal }),
  });
}

export function attachmentsQuery(orgId: string, id: string) {
  return queryOptions({
    queryKey: talkKeys.attachments(orgId, id),
    queryFn: ({ signal }) => getJson<{ items: Attachment[] }>(`${order(orgId, id)}/attachments`, { signal }),
  });
}

/** Replies by mail from unknown senders, waiting for an administrator. */
export function heldMailQuery(orgId: string) {
  return queryOptions({
    queryKey: talkKeys.held(orgId),
    queryFn: ({ signal }) => getJson<{ items: HeldMail[] }>(`${base(orgId)}/held-mail`, { signal }),
  });
}

export function addNote(args: { orgId: string; id: string; body: NoteBody }) {
  return postJson<unknown>(`${order(args.orgId, args.id)}/notes`, args.body);
}

export function askQuestion(args: { orgId: string; id: string; text: string }) {
  return postJson<{ questionId: string }>(`${order(args.orgId, args.id)}/questions`, { text: args.text });
}

export function answerQuestion(args: { orgId: string; id: string; questionId: string; text: string }) {
  return postJson<{ ok: true }>(
    `${order(args.orgId, args.id)}/questions/${encodeURIComponent(args.questionId)}/answer`,
    { text: args.text },
  );
}

export function postMessage(args: { orgId: string; id: string; body: string; attachmentIds: string[] }) {
  return postJson<Message>(`${order(args.orgId, args.id)}/messages`, {
    body: args.body,
    ...(args.attachmentIds.length ? { attachmentIds: args.attachmentIds } : {}),
  });
}

export function createTenantLink(args: { orgId: string; id: string; send: boolean }) {
  return postJson<TenantLink>(`${order(args.orgId, args.id)}/tenant-link`, { send: args.send });
}

export async function reviewHeld(args: { orgId: string; messageId: string; decision: 'post' | 'reject' }) {
  await request<void>(
    `${base(args.orgId)}/held-mail/${encodeURIComponent(args.messageId)}/${args.decision}`,
    { method: 'POST' },
  );
}

export function uploadUrl(orgId: string, id: string): string {
  return `${order(orgId, id)}/attachments`;
}

/** The file itself (inline for photos and video, which the browser can show); `download` saves it. */
export function attachmentUrl(
  orgId: string,
  id: string,
  attachmentId: string,
  variant: 'file' | 'thumbnail' | 'download' = 'file',
): string {
  const url = `${order(orgId, id)}/attachments/${encodeURIComponent(attachmentId)}`;
  if (variant === 'thumbnail') return `${url}/thumbnail`;
  return variant === 'download' ? `${url}?download=1` : url;
}
