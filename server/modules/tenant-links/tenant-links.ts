/**
 * The tenant link (beyond the guides): the reporter follows their order and proposes visit times
 * without an account. A long random token in the link is the only key; it reaches one order, shows
 * only what is marked for the tenant, and stops working 30 days after the order is closed.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common.ts';
import {
  createTenantLinkBodySchema,
  proposalBodySchema,
  tenantLinkSchema,
  tenantViewSchema,
} from '../../../contract/tenant-links.ts';
import { workOrderParams } from '../../../contract/work-orders.ts';
import { hashToken, newToken } from '../../platform/auth/tokens.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { problems } from '../../platform/errors.ts';
import { oneLine, renderMail } from '../../platform/mail/layout.ts';
import { enqueueMail, newMessageId } from '../../platform/mail/mail.ts';
import { createRateLimiter } from '../../platform/rate-limit.ts';
import { orderToWriteOn } from '../communication/communication.usecases.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { insertEvent } from '../work-orders/work-orders.repository.ts';
import { workOrderEvents, workOrders } from '../work-orders/work-orders.table.ts';
import { tenantLinks } from './tenant-links.table.ts';

export const LINK_DAYS_AFTER_CLOSING = 30;
const DAY = 24 * 60 * 60 * 1000;

type Deps = { db: Database; clock: Clock; publicUrl: string };

const tenantUrl = (publicUrl: string, token: string) => `${publicUrl}/t/${token}`;

function linkMail(args: { to: string; number: number; url: string; publicUrl: string }) {
  const { html, text } = renderMail({
    lang: 'sv',
    heading: `Din felanmälan ${args.number}`,
    intro:
      'Här kan du följa din felanmälan och föreslå tider när hantverkaren kan komma. Länken är personlig: dela den inte.',
    facts: [],
    action: { label: 'Följ din felanmälan', href: args.url },
    footer: 'Skickat av Ordning för din hyresvärd.',
  });
  return {
    to: [args.to],
    subject: oneLine(`Din felanmälan ${args.number}`),
    text,
    html,
    messageId: newMessageId(args.publicUrl),
  };
}

/** Makes (or replaces) an order's tenant link; the URL is shown once, and optionally mailed. */
export async function createTenantLink(
  deps: Deps,
  args: { actor: Parameters<typeof orderToWriteOn>[2]; id: string; send: boolean },
) {
  return deps.db.transaction(async (tx) => {
    const order = await orderToWriteOn(tx, deps, args.actor, args.id);
    if (order.status === 'draft') throw problems.conflict({ detail: 'Send the order first' });
    const token = newToken();
    const now = deps.clock.now();
    await tx
      .insert(tenantLinks)
      .values({ workOrderId: order.id, tokenHash: hashToken(token), createdAt: now })
      .onConflictDoUpdate({
        target: tenantLinks.workOrderId,
        set: { tokenHash: hashToken(token), createdAt: now },
      });
    const url = tenantUrl(deps.publicUrl, token);
    const sentTo = args.send && order.reporterEmail ? order.reporterEmail : null;
    if (args.send && !sentTo) {
      throw problems.validation({
        errors: [
          {
            field: 'send',
            code: 'no_email',
            message: { sv: 'Anmälaren har ingen e-postadress', en: 'The reporter has no e-mail address' },
          },
        ],
      });
    }
    if (sentTo) {
      await enqueueMail(tx, deps.clock, {
        message: linkMail({ to: sentTo, number: order.number, url, publicUrl: deps.publicUrl }),
        context: { workOrderId: order.id, orgId: args.actor.orgId },
      });
    }
    return { url, sentTo };
  });
}

/** The order behind a token, while the link is valid. */
async function orderOf(deps: Deps, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await deps.db
    .select({ order: workOrders, contractorName: organizations.name })
    .from(tenantLinks)
    .innerJoin(workOrders, eq(workOrders.id, tenantLinks.workOrderId))
    .leftJoin(organizations, eq(organizations.id, workOrders.contractorOrgId))
    .where(eq(tenantLinks.tokenHash, hashToken(token)));
  if (!row) return null;
  const closedAt = row.order.closedAt;
  if (closedAt && deps.clock.now().getTime() > closedAt.getTime() + LINK_DAYS_AFTER_CLOSING * DAY)
    return null;
  return row;
}

export function tenantLinkRoutes(deps: Deps) {
  /** Within the tenant scope: staff make the link. */
  const scoped = async (scope: FastifyInstance) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/work-orders/:id/tenant-link',
      {
        schema: {
          tags: ['tenant-link'],
          summary: "Make the reporter's private link (replacing an earlier one); optionally mail it to them",
          params: workOrderParams,
          body: createTenantLinkBodySchema,
          response: {
            201: tenantLinkSchema,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(
          await createTenantLink(deps, {
            actor: request.actor,
            id: request.params.id,
            send: request.body.send,
          }),
        ),
    );
  };

  /** Public: the reporter's view, rate-limited per address. */
  const open = async (scope: FastifyInstance) => {
    const limiter = createRateLimiter({ limit: 60, windowMs: 10 * 60 * 1000 });
    scope.addHook('onRequest', async (request) => {
      if (!limiter.take(request.ip)) throw problems.tooManyRequests({ headers: { 'retry-after': '600' } });
    });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const params = z.object({ token: z.string().max(100) });

    app.get(
      '/api/tenant-links/:token',
      {
        schema: {
          tags: ['tenant-link'],
          summary: "The reporter's view of their order (no login)",
          security: [],
          params,
          response: { 200: tenantViewSchema, 404: problemSchema, 429: problemSchema },
        },
      },
      async (request) => {
        const found = await orderOf(deps, request.params.token);
        if (!found) throw problems.notFound();
        const o = found.order;
        const events = await deps.db
          .select()
          .from(workOrderEvents)
          .where(and(eq(workOrderEvents.workOrderId, o.id), eq(workOrderEvents.visibility, 'tenant')))
          .orderBy(desc(workOrderEvents.createdAt))
          .limit(50);
        return {
          number: o.number,
          status: o.status,
          description: o.phrase || o.description,
          propertyName: o.propertyName,
          street: o.street,
          contractorName: found.contractorName,
          bookedAt: o.bookedAt?.toISOString() ?? null,
          events: events.map((e) => {
            const data = (e.data ?? {}) as { text?: string | null; phrase?: string | null; times?: unknown };
            return {
              type: e.type,
              text: [data.phrase, data.text].filter(Boolean).join('\n') || null,
              times: Array.isArray(data.times) ? data.times.map(String) : null,
              createdAt: e.createdAt.toISOString(),
            };
          }),
        };
      },
    );

    app.post(
      '/api/tenant-links/:token/proposals',
      {
        schema: {
          tags: ['tenant-link'],
          summary: 'The reporter proposes visit times; they land on the order as a note',
          security: [],
          params,
          body: proposalBodySchema,
          response: {
            201: z.object({ ok: z.literal(true) }),
            400: problemSchema,
            404: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const found = await orderOf(deps, request.params.token);
        if (!found || found.order.closedAt) throw problems.notFound();
        const times = request.body.times.map(
          (t) => `${t.date}${t.from ? ` ${t.from}` : ''}${t.to ? `–${t.to}` : ''}`,
        );
        await insertEvent(deps.db, {
          workOrderId: found.order.id,
          type: 'tenant_proposal',
          visibility: 'tenant',
          data: { times, text: request.body.text ?? null },
          createdAt: deps.clock.now(),
        });
        return reply.code(201).send({ ok: true as const });
      },
    );
  };
  return { scoped, open };
}
