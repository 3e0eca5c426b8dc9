import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import { qualityQuerySchema, qualityReportSchema, repeatFaultsSchema } from '../../../contract/quality.ts';
import type { Database } from '../../platform/db.ts';
import { requestLocale } from '../../platform/http-errors.ts';
import { qualityCsv, qualityReport, repeatFaults } from './quality.usecases.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** The client's quality follow-up; registered inside the tenant scope. */
export function qualityRoutes(deps: { db: Database }) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/quality',
      {
        schema: {
          tags: ['quality'],
          summary:
            'Fault type × root cause per property, object type or unit type, for done orders in a period',
          params: orgParams,
          querystring: qualityQuerySchema,
          response: { 200: qualityReportSchema, ...errors },
        },
      },
      async (request) => qualityReport(deps, { actor: request.actor, ...request.query }),
    );
    app.get(
      '/quality/export.csv',
      {
        schema: {
          tags: ['quality'],
          summary: 'The same table as CSV',
          params: orgParams,
          querystring: qualityQuerySchema,
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) => {
        const report = await qualityReport(deps, { actor: request.actor, ...request.query });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="kvalitet.csv"')
          .serializer((v) => v as string)
          .send(qualityCsv(report, requestLocale(request)));
      },
    );
    app.get(
      '/quality/repeats',
      {
        schema: {
          tags: ['quality'],
          summary:
            'Repeat faults: a new order on the same unit or serial number within 90 days of a done one',
          params: orgParams,
          querystring: qualityQuerySchema,
          response: { 200: repeatFaultsSchema, ...errors },
        },
      },
      async (request) =>
        repeatFaults(deps, { actor: request.actor, from: request.query.from, to: request.query.to }),
    );
  };
}
