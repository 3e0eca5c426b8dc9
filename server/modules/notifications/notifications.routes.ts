import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import { failedMailListSchema, notificationSettingsSchema } from '../../../contract/notifications.ts';
import { requireSession } from '../../platform/auth/auth.plugin.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { problems } from '../../platform/errors.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { enqueueMail, MAIL_JOB_KIND, type MailJobPayload } from '../../platform/mail/mail.ts';
import { users } from '../identity/identity.table.ts';
import { can } from '../organizations/roles.policy.ts';

/** The user's own notification settings (/api/me/notifications). */
export function notificationSettingsRoutes(deps: { db: Database }) {
  return async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/api/me/notifications',
      {
        onRequest: requireSession,
        schema: {
          tags: ['notifications'],
          summary: 'Which mails I get',
          response: { 200: notificationSettingsSchema, 401: problemSchema },
        },
      },
      async (request) => {
        const [row] = await deps.db
          .select({ s: users.notificationSettings })
          .from(users)
          .where(eq(users.id, request.session!.userId));
        return {
          off: (row?.s.off ?? []) as z.infer<typeof notificationSettingsSchema>['off'],
          digest: row?.s.digest ?? false,
        };
      },
    );
    app.put(
      '/api/me/notifications',
      {
        onRequest: requireSession,
        schema: {
          tags: ['notifications'],
          summary: 'Choose which mails I get, and whether as a daily digest',
          body: notificationSettingsSchema,
          response: { 200: notificationSettingsSchema, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => {
        await deps.db
          .update(users)
          .set({ notificationSettings: request.body })
          .where(eq(users.id, request.session!.userId));
        return request.body;
      },
    );
  };
}

/**
 * Mail that could not be delivered, for a company's administrators: the mails about its orders (and
 * those it sent), with a way to send one again once the address is corrected or the server is back.
 */
export function failedMailRoutes(deps: { db: Database; clock: Clock }) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    const ofCompany = (orgId: string) =>
      sql`(${jobs.payload}->'context'->>'orgId' = ${orgId} or exists (
        select 1 from work_orders w where w.id::text = ${jobs.payload}->'context'->>'workOrderId'
          and (w.client_org_id = ${orgId} or w.contractor_org_id = ${orgId})))`;

    app.get(
      '/failed-mail',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mail about the company’s orders that could not be delivered',
          params: orgParams,
          response: { 200: failedMailListSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (request) => {
        if (!can(request.actor, 'mail.manage')) throw problems.forbidden();
        const rows = await deps.db
          .select()
          .from(jobs)
          .where(and(eq(jobs.kind, MAIL_JOB_KIND), eq(jobs.status, 'failed'), ofCompany(request.actor.orgId)))
          .orderBy(desc(jobs.createdAt))
          .limit(200);
        return {
          items: rows.map((j) => {
            const payload = j.payload as MailJobPayload;
            return {
              id: j.id,
              to: payload.message.to,
              subject: payload.message.subject,
              error: j.lastError,
              attempts: j.attempts,
              createdAt: j.createdAt.toISOString(),
              failedAt: j.finishedAt?.toISOString() ?? null,
              workOrderId: payload.context?.workOrderId ?? null,
            };
          }),
        };
      },
    );

    app.post(
      '/failed-mail/:jobId/resend',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Send a failed mail again (the same message, with the same Message-ID)',
          params: z.object({ orgId: z.uuid(), jobId: z.uuid() }),
          response: {
            202: z.object({ jobId: z.uuid() }),
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request, reply) => {
        if (!can(request.actor, 'mail.manage')) throw problems.forbidden();
        const jobId = await deps.db.transaction(async (tx) => {
          const [failed] = await tx
            .select()
            .from(jobs)
            .where(
              and(
                eq(jobs.id, request.params.jobId),
                eq(jobs.kind, MAIL_JOB_KIND),
                eq(jobs.status, 'failed'),
                ofCompany(request.actor.orgId),
              ),
            )
            .for('update');
          if (!failed) throw problems.notFound();
          // The failed job stays as the record of what happened; the new one starts its attempts afresh.
          await tx
            .update(jobs)
            .set({ status: 'done', lastError: `${failed.lastError ?? ''} (skickat igen)` })
            .where(eq(jobs.id, failed.id));
          return enqueueMail(tx, deps.clock, failed.payload as MailJobPayload);
        });
        return reply.code(202).send({ jobId });
      },
    );
  };
}
