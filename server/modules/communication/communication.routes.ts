import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgParams, pageQuery, problemSchema } from '../../../contract/common.ts';
import {
  answerBodySchema,
  attachmentListSchema,
  attachmentSchema,
  eventQuerySchema,
  heldMailSchema,
  messageBodySchema,
  messageListSchema,
  messageSchema,
  noteBodySchema,
  questionBodySchema,
  questionListSchema,
  visibilities,
} from '../../../contract/communication.ts';
import { workOrderEventSchema, workOrderParams } from '../../../contract/work-orders.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import { sendProblem } from '../../platform/http-errors.ts';
import { fileTooLarge, LIMITS } from './attachments.process.ts';
import {
  contentDisposition,
  findAttachment,
  listAttachments,
  parseRange,
  uploadAttachment,
} from './attachments.usecases.ts';
import {
  addNote,
  answerQuestion,
  askQuestion,
  listOrderEvents,
  listQuestions,
} from './communication.usecases.ts';
import { listHeld, listMessages, type MessageDeps, postMessage, reviewHeld } from './messages.usecases.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['communication'];
const eventList = z.object({ items: z.array(workOrderEventSchema) });
const withQuestion = z.object({ orgId: z.uuid(), id: z.uuid(), questionId: z.uuid() });
const withAttachment = z.object({ orgId: z.uuid(), id: z.uuid(), attachmentId: z.uuid() });

/** Talking on an order: notes, questions and answers, messages, attachments, the log. Tenant-scoped. */
export function communicationRoutes(deps: MessageDeps) {
  return async (scoped: FastifyInstance) => {
    await scoped.register(fastifyMultipart, {
      limits: { fileSize: LIMITS.video, files: 1, fields: 5, fieldSize: 1000 },
    });
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/work-orders/:id/events',
      {
        schema: {
          tags,
          summary: 'The log (Noteringar), newest first; filter by type',
          params: workOrderParams,
          querystring: eventQuerySchema,
          response: { 200: eventList, ...errors },
        },
      },
      async (request) =>
        listOrderEvents(deps, { actor: request.actor, id: request.params.id, types: request.query.type }),
    );

    app.post(
      '/work-orders/:id/notes',
      {
        schema: {
          tags,
          summary: 'Notera: an event, a ready phrase and text; answers with the log',
          params: workOrderParams,
          body: noteBodySchema,
          response: { 201: eventList, ...errors },
        },
      },
      async (request, reply) => {
        await addNote(deps, { actor: request.actor, id: request.params.id, input: request.body });
        return reply
          .code(201)
          .send(await listOrderEvents(deps, { actor: request.actor, id: request.params.id }));
      },
    );

    app.post(
      '/work-orders/:id/questions',
      {
        schema: {
          tags,
          summary: 'Beställningsfråga: the contractor asks the orderer',
          params: workOrderParams,
          body: questionBodySchema,
          response: { 201: z.object({ questionId: z.uuid() }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await askQuestion(deps, { actor: request.actor, id: request.params.id, text: request.body.text }),
          ),
    );

    app.post(
      '/work-orders/:id/questions/:questionId/answer',
      {
        schema: {
          tags,
          summary: 'Beställningssvar: the client answers a question',
          params: withQuestion,
          body: answerBodySchema,
          response: { 200: z.object({ ok: z.literal(true) }), ...errors, 409: problemSchema },
        },
      },
      async (request) =>
        answerQuestion(deps, {
          actor: request.actor,
          id: request.params.id,
          questionId: request.params.questionId,
          text: request.body.text,
        }),
    );

    app.get(
      '/questions',
      {
        schema: {
          tags,
          summary: "Questions on the company's orders: open ones wait for the client's answer",
          params: orgParams,
          querystring: z.strictObject({ state: z.enum(['open', 'all']).default('open'), ...pageQuery }),
          response: { 200: questionListSchema, ...errors },
        },
      },
      async (request) => listQuestions(deps, { actor: request.actor, ...request.query }),
    );

    app.get(
      '/work-orders/:id/messages',
      {
        schema: {
          tags,
          summary: 'The messages of the order, oldest first',
          params: workOrderParams,
          response: { 200: messageListSchema, ...errors },
        },
      },
      async (request) => {
        // Reading the log checks that the order is in reach.
        await listOrderEvents(deps, { actor: request.actor, id: request.params.id, types: ['message'] });
        return { items: await listMessages(deps, { orderId: request.params.id }) };
      },
    );

    app.post(
      '/work-orders/:id/messages',
      {
        schema: {
          tags,
          summary:
            'Write to the other side: logged on the order and e-mailed; replies by e-mail come back here',
          params: workOrderParams,
          body: messageBodySchema,
          response: { 201: messageSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await postMessage(deps, {
            actor: request.actor,
            id: request.params.id,
            body: request.body.body,
            attachmentIds: request.body.attachmentIds,
          }),
        ),
    );

    app.get(
      '/work-orders/:id/attachments',
      {
        schema: {
          tags,
          summary: "The order's photos, video clips and PDFs",
          params: workOrderParams,
          response: { 200: attachmentListSchema, ...errors },
        },
      },
      async (request) => listAttachments(deps, { actor: request.actor, id: request.params.id }),
    );

    app.post(
      '/work-orders/:id/attachments',
      {
        schema: {
          tags,
          summary: 'Upload a photo, video clip or PDF (multipart, field `file`; optional field `visibility`)',
          description:
            'The type is judged from the bytes. Photos over 20 MB or 40 megapixels and video over 200 MB answer 413.',
          params: workOrderParams,
          response: { 201: attachmentSchema, ...errors, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw problems.unsupportedMediaType();
        let bytes: Buffer | undefined;
        let fileName: string | undefined;
        let contentType: string | undefined;
        let visibility: (typeof visibilities)[number] = 'shared';
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file') continue;
            try {
              bytes = await part.toBuffer();
            } catch (err) {
              if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge();
              throw err;
            }
            fileName = part.filename;
            contentType = part.mimetype;
          } else if (part.fieldname === 'visibility') {
            const value = String(part.value);
            if (!(visibilities as readonly string[]).includes(value)) {
              throw problems.validation({
                errors: [
                  {
                    field: 'visibility',
                    code: 'invalid_value',
                    message: { sv: 'Ogiltigt val', en: 'Not one of the allowed values' },
                  },
                ],
              });
            }
            visibility = value as typeof visibility;
          }
        }
        if (!bytes) {
          throw problems.validation({
            errors: [
              { field: 'file', code: 'required', message: { sv: 'Välj en fil', en: 'Choose a file' } },
            ],
          });
        }
        const attachment = await uploadAttachment(deps, {
          actor: request.actor,
          id: request.params.id,
          bytes,
          fileName,
          contentType,
          visibility,
        });
        return reply.code(201).send(attachment);
      },
    );

    for (const variant of ['file', 'thumbnail'] as const) {
      app.get(
        variant === 'file'
          ? '/work-orders/:id/attachments/:attachmentId'
          : '/work-orders/:id/attachments/:attachmentId/thumbnail',
        {
          schema: {
            tags,
            summary:
              variant === 'file'
                ? 'Download an attachment (byte ranges supported, for video)'
                : 'A small JPEG of a photo',
            params: withAttachment,
            querystring: z.strictObject({ download: z.enum(['1', '0']).optional() }),
            response: { 200: z.unknown(), 206: z.unknown(), ...errors, 416: problemSchema },
          },
        },
        async (request, reply) => {
          const row = await findAttachment(deps, {
            actor: request.actor,
            id: request.params.id,
            attachmentId: request.params.attachmentId,
          });
          const key = variant === 'file' ? row.storageKey : row.thumbnailKey;
          if (!key) throw problems.notFound();
          const size = await deps.files.size(key);
          if (size === null) throw problems.notFound();
          const inline = request.query.download !== '1' && row.kind !== 'pdf';
          reply
            .header('content-type', variant === 'file' ? row.contentType : 'image/jpeg')
            .header('x-content-type-options', 'nosniff')
            .header('accept-ranges', 'bytes')
            .header('cache-control', 'private, max-age=3600')
            .header('content-disposition', contentDisposition(row.fileName, inline))
            .header('content-security-policy', "default-src 'none'; sandbox");
          const range = parseRange(request.headers.range, size);
          if (range === 'invalid') {
            reply.header('content-range', `bytes */${size}`);
            return sendProblem(reply, rangeNotSatisfiable());
          }
          if (range) {
            reply
              .code(206)
              .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
              .header('content-length', range.end - range.start + 1);
            return reply.send(deps.files.read(key, range));
          }
          reply.header('content-length', size);
          return reply.send(deps.files.read(key));
        },
      );
    }

    app.get(
      '/held-mail',
      {
        schema: {
          tags,
          summary: 'Replies from unknown senders, held for review (administrators)',
          params: orgParams,
          response: { 200: z.object({ items: z.array(heldMailSchema) }), ...errors },
        },
      },
      async (request) => listHeld(deps, { actor: request.actor }),
    );

    app.post(
      '/held-mail/:messageId/:decision',
      {
        schema: {
          tags,
          summary: 'Post a held reply onto its order, or reject it',
          params: z.object({ orgId: z.uuid(), messageId: z.uuid(), decision: z.enum(['post', 'reject']) }),
          response: { 204: z.undefined(), ...errors },
        },
      },
      async (request, reply) => {
        await reviewHeld(deps, {
          actor: request.actor,
          messageId: request.params.messageId,
          decision: request.params.decision,
        });
        return reply.code(204).send();
      },
    );
  };
}

const rangeNotSatisfiable = defineProblem({
  status: 416,
  code: 'attachments.range_not_satisfiable',
  title: { sv: 'Begärt intervall finns inte i filen', en: 'The requested range is not in the file' },
});
