import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementListSchema,
  agreementParams,
  agreementSchema,
  agreementTermsSchema,
  clientListSchema,
} from '../../../contract/agreements.ts';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import { contractorListSchema } from '../../../contract/organizations.ts';
import { workOrderTypes } from '../../../contract/work-orders.values.ts';
import { problems } from '../../platform/errors.ts';
import {
  type AgreementDeps,
  getAgreement,
  listAgreements,
  listClients,
  listContractors,
  setAgreementTerms,
} from './agreements.usecases.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Company-scoped agreement routes; registered inside the tenant scope. */
export function agreementRoutes(deps: AgreementDeps) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/agreements',
      {
        schema: {
          tags: ['agreements'],
          summary:
            "The company's agreements: with each contractor (client) or each client (contractor, read-only)",
          params: orgParams,
          response: { 200: agreementListSchema, ...errors },
        },
      },
      async (request) => listAgreements(deps, { actor: request.actor }),
    );

    app.get(
      '/agreements/:counterpartId',
      {
        schema: {
          tags: ['agreements'],
          summary: 'One agreement; answers with its ETag',
          params: agreementParams,
          response: { 200: agreementSchema, ...errors },
        },
      },
      async (request, reply) => {
        const agreement = await getAgreement(deps, {
          actor: request.actor,
          counterpartId: request.params.counterpartId,
        });
        reply.header('etag', `"${agreement.version}"`);
        return agreement;
      },
    );

    app.put(
      '/agreements/:counterpartId',
      {
        schema: {
          tags: ['agreements'],
          summary: "Set an agreement's terms (the client's administrators); If-Match required",
          params: agreementParams,
          headers: z.object({ 'if-match': z.string().max(100).optional() }),
          body: agreementTermsSchema,
          response: { 200: agreementSchema, ...errors, 412: problemSchema, 428: problemSchema },
        },
      },
      async (request, reply) => {
        const header = request.headers['if-match'];
        const match = header === undefined ? undefined : /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
        if (match === null) throw problems.preconditionFailed();
        const agreement = await setAgreementTerms(deps, {
          actor: request.actor,
          counterpartId: request.params.counterpartId,
          terms: request.body,
          ifMatch: match ? Number(match[1]) : undefined,
        });
        reply.header('etag', `"${agreement.version}"`);
        return agreement;
      },
    );

    app.get(
      '/contractors',
      {
        schema: {
          tags: ['agreements'],
          summary:
            'The contractors a client can send orders to; with `type`, those whose agreement covers it',
          params: orgParams,
          querystring: z.strictObject({ type: z.enum(workOrderTypes).optional() }),
          response: { 200: contractorListSchema, ...errors },
        },
      },
      async (request) => listContractors(deps, { actor: request.actor, type: request.query.type }),
    );

    app.get(
      '/clients',
      {
        schema: {
          tags: ['agreements'],
          summary: 'The clients a contractor has agreements with: whom it can register orders for',
          params: orgParams,
          response: { 200: clientListSchema, ...errors },
        },
      },
      async (request) => listClients(deps, { actor: request.actor }),
    );
  };
}
