import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import {
  bulkTransitionBodySchema,
  bulkTransitionResultSchema,
  bundleAcceptResultSchema,
  bundleParams,
  createWorkOrderBodySchema,
  dashboardQuerySchema,
  dashboardSchema,
  dispatchBodySchema,
  listWorkOrdersQuerySchema,
  transitionBodySchema,
  updateWorkOrderBodySchema,
  workOrderListSchema,
  workOrderParams,
  workOrderSchema,
} from '../../../contract/work-orders.ts';
import { problems } from '../../platform/errors.ts';
import { requestLocale } from '../../platform/http-errors.ts';
import {
  acceptBundle,
  bulkTransition,
  createWorkOrder,
  dispatchWorkOrder,
  parseIfMatch,
  transitionWorkOrder,
} from './work-orders.commands.ts';
import { updateWorkOrderFields } from './work-orders.edit.ts';
import { exportWorkOrdersCsv } from './work-orders.export.ts';
import { getDashboard, getWorkOrder, listWorkOrders, type WorkOrderDeps } from './work-orders.usecases.ts';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
};

const etag = (version: number) => `"${version}"`;

// A download link cannot send Accept-Language, so the language the user chose comes as `lang`.
const exportQuerySchema = listWorkOrdersQuerySchema.extend({ lang: z.enum(['sv', 'en']).optional() });

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .optional()
    .describe('Retrying with the same key creates nothing new'),
});
const ifMatchHeaders = (required: boolean) =>
  z.object({
    'if-match': z
      .string()
      .max(100)
      .optional()
      .describe(
        required
          ? 'Required: the ETag of the order as read (428 without, 412 when stale)'
          : 'The ETag of the order as read; a stale one gives 412',
      ),
  });

function ifMatchOf(header: string | undefined) {
  const parsed = parseIfMatch(header);
  if (parsed === 'invalid') throw problems.preconditionFailed();
  return parsed;
}

/** Company-scoped work-order routes; registered inside the tenant scope, so request.actor is set. */
export function workOrderRoutes(deps: WorkOrderDeps) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/work-orders',
      {
        schema: {
          tags: ['work-orders'],
          summary: 'The inbox: orders the caller can see, filtered, searched, sorted and paged',
          params: orgParams,
          querystring: listWorkOrdersQuerySchema,
          response: { 200: workOrderListSchema, ...errors },
        },
      },
      async (request) => listWorkOrders(deps, { actor: request.actor, query: request.query }),
    );

    app.get(
      '/work-orders/export.csv',
      {
        schema: {
          tags: ['work-orders'],
          summary:
            'The inbox as CSV (Excel, Swedish settings) with invoice references, for the invoicing run',
          params: orgParams,
          querystring: exportQuerySchema,
          response: { 200: z.string().describe('text/csv'), ...errors },
        },
      },
      async (request, reply) => {
        const { lang, ...query } = request.query;
        const locale = lang ?? requestLocale(request);
        const csv = await exportWorkOrdersCsv(deps, { actor: request.actor, query, locale });
        const name = locale === 'sv' ? 'arbetsordrar' : 'work-orders';
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .serializer((v) => v as string)
          .send(csv);
      },
    );

    app.get(
      '/work-orders/dashboard',
      {
        schema: {
          tags: ['work-orders'],
          summary: 'Counts per status × type, for the whole company and per client or contractor',
          description:
            'Narrowed like the list: to one client or contractor, one property of the register, or orders past their SLA dates.',
          params: orgParams,
          querystring: dashboardQuerySchema,
          response: { 200: dashboardSchema, ...errors },
        },
      },
      async (request) => getDashboard(deps, { actor: request.actor, filter: request.query }),
    );

    app.get(
      '/work-orders/:id',
      {
        schema: {
          tags: ['work-orders'],
          summary: 'One order with its event log; answers with its ETag',
          params: workOrderParams,
          response: { 200: workOrderSchema, ...errors },
        },
      },
      async (request, reply) => {
        const workOrder = await getWorkOrder(deps, { actor: request.actor, id: request.params.id });
        reply.header('etag', etag(workOrder.version));
        return workOrder;
      },
    );

    app.post(
      '/work-orders',
      {
        schema: {
          tags: ['work-orders'],
          summary:
            'A client registers an order and (unless dispatch is false) sends it to a contractor; ' +
            'a contractor registers one for a client (clientOrgId)',
          params: orgParams,
          headers: idempotencyHeaders,
          body: createWorkOrderBodySchema,
          response: { 201: workOrderSchema, ...errors, 422: problemSchema },
        },
      },
      async (request, reply) => {
        const { status, workOrder } = await createWorkOrder(deps, {
          actor: request.actor,
          input: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        });
        reply.code(status).header('etag', etag(workOrder.version));
        reply.header('location', `/api/orgs/${request.actor.orgId}/work-orders/${workOrder.id}`);
        return workOrder;
      },
    );

    app.patch(
      '/work-orders/:id',
      {
        schema: {
          tags: ['work-orders'],
          summary: "Edit the contractor's fields: contact, booked time, planned date, model, serial number",
          params: workOrderParams,
          headers: ifMatchHeaders(true),
          body: updateWorkOrderBodySchema,
          response: {
            200: workOrderSchema,
            ...errors,
            409: problemSchema,
            412: problemSchema,
            428: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const workOrder = await updateWorkOrderFields(deps, {
          actor: request.actor,
          id: request.params.id,
          input: request.body,
          ifMatch: ifMatchOf(request.headers['if-match']),
        });
        reply.header('etag', etag(workOrder.version));
        return workOrder;
      },
    );

    app.post(
      '/work-orders/:id/transitions',
      {
        schema: {
          tags: ['work-orders'],
          summary: 'Change the status: accept, decline, progress, complete, cancel, reopen, invoice',
          description:
            'Moves follow the status machine of the domain; an illegal move answers 409 and changes nothing. ' +
            'Send If-Match with the ETag you read to make sure nobody changed the order meanwhile.',
          params: workOrderParams,
          headers: ifMatchHeaders(false),
          body: transitionBodySchema,
          response: { 200: workOrderSchema, ...errors, 409: problemSchema, 412: problemSchema },
        },
      },
      async (request, reply) => {
        const workOrder = await transitionWorkOrder(deps, {
          actor: request.actor,
          id: request.params.id,
          input: request.body,
          ifMatch: ifMatchOf(request.headers['if-match']),
        });
        reply.header('etag', etag(workOrder.version));
        return workOrder;
      },
    );

    app.post(
      '/work-orders/bundles/:bundle/accept',
      {
        schema: {
          tags: ['work-orders'],
          summary: 'Accept every new order of a bundle at once',
          params: bundleParams,
          response: { 200: bundleAcceptResultSchema, ...errors, 409: problemSchema },
        },
      },
      async (request) => acceptBundle(deps, { actor: request.actor, bundle: request.params.bundle }),
    );

    app.post(
      '/work-orders/:id/dispatch',
      {
        schema: {
          tags: ['work-orders'],
          summary: 'Send a draft to a contractor, or a declined order again to another one',
          params: workOrderParams,
          headers: ifMatchHeaders(false),
          body: dispatchBodySchema,
          response: { 200: workOrderSchema, ...errors, 409: problemSchema, 412: problemSchema },
        },
      },
      async (request, reply) => {
        const workOrder = await dispatchWorkOrder(deps, {
          actor: request.actor,
          id: request.params.id,
          contractorOrgId: request.body.contractorOrgId,
          ifMatch: ifMatchOf(request.headers['if-match']),
        });
        reply.header('etag', etag(workOrder.version));
        return workOrder;
      },
    );

    app.post(
      '/work-orders/bulk-transitions',
      {
        schema: {
          tags: ['work-orders'],
          summary: 'Mark many done orders as Fakturerad at once: all of them, or none',
          params: orgParams,
          body: bulkTransitionBodySchema,
          response: { 200: bulkTransitionResultSchema, ...errors, 409: problemSchema },
        },
      },
      async (request) =>
        bulkTransition(deps, { actor: request.actor, ids: request.body.ids, to: request.body.to }),
    );
  };
}
