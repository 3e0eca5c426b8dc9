import { z } from 'zod';
import { isoDateTime, ref } from './common.ts';
import { noteEvents, visibilities } from './communication.values.ts';

export * from './communication.values.ts';

const text = (max: number) => z.string().trim().max(max);

export const noteBodySchema = z
  .strictObject({
    event: z.enum(noteEvents).describe('Händelse'),
    phrase: text(200).optional().describe("A ready phrase from the client's list (Fras)"),
    text: text(4000).optional().describe('Notering: free text'),
    visibility: z
      .enum(visibilities)
      .default('shared')
      .describe('internal: the contractor only; shared: both companies; tenant: also on the tenant link'),
  })
  .refine((n) => Boolean(n.phrase?.length || n.text?.length), {
    message: 'a phrase or a text',
    path: ['text'],
  })
  .meta({ id: 'Note' });
export type NoteBody = z.input<typeof noteBodySchema>;

export const questionBodySchema = z
  .strictObject({ text: text(4000).min(1).describe('Beställningsfråga') })
  .meta({ id: 'Question' });

export const answerBodySchema = z
  .strictObject({ text: text(4000).min(1).describe('Beställningssvar') })
  .meta({ id: 'Answer' });

export const questionSchema = z
  .object({
    id: z.uuid(),
    workOrderId: z.uuid(),
    workOrderNumber: z.number().int(),
    text: z.string(),
    askedBy: ref.nullable(),
    askedByOrg: ref,
    askedAt: isoDateTime,
    answer: z.string().nullable(),
    answeredBy: ref.nullable(),
    answeredAt: isoDateTime.nullable(),
  })
  .meta({ id: 'QuestionItem' });
export type QuestionItem = z.infer<typeof questionSchema>;

export const questionListSchema = z.object({ items: z.array(questionSchema), total: z.number().int() });

export const messageBodySchema = z
  .strictObject({
    body: text(10_000)
      .min(1)
      .describe('The message; it is e-mailed to the other side and logged on the order'),
    attachmentIds: z.array(z.uuid()).max(10).optional().describe('Attachments already uploaded to the order'),
  })
  .meta({ id: 'NewMessage' });

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    kind: z.enum(['image', 'video', 'pdf']),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    uploadedBy: ref.nullable(),
    uploadedAt: isoDateTime,
    messageId: z.uuid().nullable(),
    visibility: z.enum(visibilities),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) });

export const messageSchema = z
  .object({
    id: z.uuid(),
    direction: z.enum(['out', 'in']).describe('out: written in Ordning; in: a reply that came by e-mail'),
    body: z.string(),
    author: ref.nullable(),
    authorOrg: ref.nullable(),
    fromEmail: z.string().nullable(),
    sentTo: z.array(z.string()),
    createdAt: isoDateTime,
    attachments: z.array(attachmentSchema),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof messageSchema>;

export const messageListSchema = z.object({ items: z.array(messageSchema) });

export const eventTypes = [
  'created',
  'dispatched',
  'status_changed',
  'updated',
  'note',
  'question',
  'answer',
  'message',
  'attachment',
  'mail_sent',
  'mail_failed',
  'tenant_proposal',
] as const;

export const eventQuerySchema = z.strictObject({
  type: z
    .union([z.enum(eventTypes), z.array(z.enum(eventTypes)).max(eventTypes.length)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
});

export const heldMailSchema = z
  .object({
    id: z.uuid(),
    workOrderId: z.uuid(),
    workOrderNumber: z.number().int(),
    fromEmail: z.string(),
    subject: z.string(),
    body: z.string(),
    receivedAt: isoDateTime,
    attachments: z
      .array(
        z.object({ fileName: z.string(), kind: z.enum(['image', 'video', 'pdf']), size: z.number().int() }),
      )
      .describe('The files in the reply; they reach the order only if it is posted'),
  })
  .meta({ id: 'HeldMail' });
