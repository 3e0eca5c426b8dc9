import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common.ts';
import { problems } from '../errors.ts';
import { listStoredMail, readStoredMailRaw } from './mail.ts';

const storedMailSchema = z.object({
  id: z.string(),
  date: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  messageId: z.string(),
});

function isLoopback(request: FastifyRequest): boolean {
  const ip = request.socket.remoteAddress ?? '';
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}

/**
 * The development mailbox: with no SMTP_URL, mail is kept as files and read here. Mail can carry
 * links that log people in, so only requests from this machine itself get an answer.
 */
export function devMailRoutes(deps: { mailDir: string }) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', async (request) => {
      if (!isLoopback(request)) throw problems.notFound();
    });

    app.get(
      '/api/dev/mail',
      {
        schema: {
          tags: ['development'],
          summary: 'Mail kept on disk because no SMTP server is configured (only from this machine)',
          response: { 200: z.object({ items: z.array(storedMailSchema) }), 404: problemSchema },
        },
      },
      async () => ({ items: await listStoredMail(deps.mailDir) }),
    );

    app.get(
      '/api/dev/mail/:id/raw',
      {
        schema: {
          tags: ['development'],
          summary: 'One kept mail as an .eml file',
          params: z.object({
            id: z
              .string()
              .max(120)
              .regex(/^[a-zA-Z0-9-]+$/),
          }),
          response: { 200: z.unknown().describe('The mail as message/rfc822'), 404: problemSchema },
        },
      },
      async (request, reply) => {
        const raw = await readStoredMailRaw(deps.mailDir, request.params.id);
        if (!raw) throw problems.notFound();
        return reply
          .type('message/rfc822')
          .header('content-disposition', `attachment; filename="${request.params.id}.eml"`)
          .header('x-content-type-options', 'nosniff')
          .send(raw);
      },
    );
  };
}
