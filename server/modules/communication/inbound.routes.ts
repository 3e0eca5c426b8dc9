import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common.ts';
import { problems } from '../../platform/errors.ts';
import { INBOUND_MAX_BYTES } from '../../platform/mail/inbound-smtp.ts';
import { type MessageDeps, receiveMail } from './messages.usecases.ts';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * POST /api/inbound-mail: for mail providers that post incoming mail as raw MIME instead of
 * delivering it by SMTP. Authenticated with the shared secret INBOUND_MAIL_SECRET; off without it.
 */
export function inboundMailRoutes(deps: MessageDeps & { secret: string | undefined }) {
  return async (scope: FastifyInstance) => {
    scope.addContentTypeParser(
      ['message/rfc822', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: INBOUND_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/inbound-mail',
      {
        schema: {
          tags: ['communication'],
          summary: 'Receive a reply as raw MIME (message/rfc822), authenticated with the shared secret',
          headers: z.object({ authorization: z.string().max(500).optional() }),
          querystring: z.strictObject({
            recipient: z
              .string()
              .max(300)
              .optional()
              .describe('The envelope recipient, if the provider gives it'),
          }),
          body: z.unknown(),
          response: {
            202: z.object({ status: z.enum(['posted', 'held', 'duplicate']) }),
            401: problemSchema,
            404: problemSchema,
            415: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        if (!deps.secret) throw problems.notFound();
        const given = request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
        if (!sameSecret(given, deps.secret)) throw problems.unauthenticated();
        if (!Buffer.isBuffer(request.body)) throw problems.unsupportedMediaType();
        const result = await receiveMail(deps, {
          raw: request.body,
          recipients: request.query.recipient ? [request.query.recipient] : [],
        });
        if (result.status === 'unknown_recipient') {
          throw problems.validation({
            detail: 'No reply address of an order among the recipients',
            errors: [
              {
                field: 'recipient',
                code: 'unknown_recipient',
                message: { sv: 'Okänd mottagare', en: 'Unknown recipient' },
              },
            ],
          });
        }
        return reply.code(202).send({ status: result.status });
      },
    );
  };
}
