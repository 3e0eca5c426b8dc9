import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import {
  createWorkOrderBodySchema,
  listWorkOrdersQuerySchema,
  transitionBodySchema,
  workOrderListSchema,
  workOrderParams,
  workOrderSchema,
} from '../../../contract/work-orders.ts';
import { problems } from '../../platform/errors.ts';
import {
  createWorkOrder,
  getWorkOrder,
  listWorkOrders,
  parseIfMatch,
  transitionWorkOrder,
  type WorkOrderDeps,
} from './work-orders.usecases.ts';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
};

const etag = (version: number) => `"${version}"`;

const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .optional()
    .describe('Retrying with the same key creates nothing new'),
});
const ifMatchHeaders = z.object({
  'if-match': z.string().max(100).optional().describe('The ETag of the order as read; a stale one gives 412'),
});

/** Company-scoped work-order routes; registered inside the tenant scope, so request.actor is set. */
export function workOrderRoutes(deps: WorkOrderDeps) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/work-orders',
      {
        schema: {
          tags: ['work-orders'],
          summary: 'The orders the caller can see: the inbox',
          params: orgParams,
          querystring: listWorkOrdersQuerySchema,
          response: { 200: workOrderListSchema, ...errors },
        },
      },
      async (request) => listWorkOrders(deps, { actor: request.actor, query: request.query }),
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
          summary: 'Register an order and (unless dispatch is false) send it to a contractor',
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
          headers: ifMatchHeaders,
          body: transitionBodySchema,
          response: { 200: workOrderSchema, ...errors, 409: problemSchema, 412: problemSchema },
        },
      },
      async (request, reply) => {
        const ifMatch = parseIfMatch(request.headers['if-match']);
        if (ifMatch === 'invalid') throw problems.preconditionFailed();
        const workOrder = await transitionWorkOrder(deps, {
          actor: request.actor,
          id: request.params.id,
          input: request.body,
          ifMatch,
        });
        reply.header('etag', etag(workOrder.version));
        return workOrder;
      },
    );
  };
}
