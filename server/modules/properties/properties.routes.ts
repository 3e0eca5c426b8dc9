import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgParams, problemSchema } from '../../../contract/common.ts';
import {
  importResultSchema,
  objectInputSchema,
  objectListSchema,
  objectSchema,
  propertyInputSchema,
  propertyListSchema,
  propertySchema,
  type Register,
  type RegisterObject,
  registerListQuery,
  registerPartListQuery,
  registers,
  roomInputSchema,
  tenantInputSchema,
  tenantListSchema,
  unitInputSchema,
  unitListSchema,
} from '../../../contract/properties.ts';
import { problems } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { importRegister } from './properties.import.ts';
import {
  addRoom,
  addTenant,
  addUnit,
  canEditRegister,
  changeRoom,
  changeTenant,
  changeUnit,
  createObject,
  createProperty,
  exportRegister,
  getObject,
  getProperty,
  listObjectsFor,
  listPropertiesFor,
  listTenantsFor,
  listUnitsFor,
  type RegisterDeps,
  replaceObject,
  replaceProperty,
} from './properties.usecases.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['register'];
const ifMatch = z.object({
  'if-match': z.string().max(100).optional().describe('Required: the ETag as read'),
});

function versionOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!m) throw problems.preconditionFailed();
  return Number(m[1]);
}

const withId = (name: string) =>
  z.object({ orgId: z.uuid(), [name]: z.uuid() }) as z.ZodObject<
    { orgId: z.ZodUUID } & Record<string, z.ZodUUID>
  >;

/** A register file may be large; everything else keeps the 1 MB default. */
const IMPORT_LIMIT = 20 * 1024 * 1024;

/** The client's property register; registered inside the tenant scope. */
export function propertyRoutes(deps: RegisterDeps) {
  return async (scoped: FastifyInstance) => {
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    // CSV arrives as bytes: the import itself works out whether they are UTF-8 or Windows-1252.
    app.addContentTypeParser(
      ['text/csv', 'application/vnd.ms-excel'],
      { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/properties',
      {
        schema: {
          tags,
          summary: 'Properties (Fastigheter), searchable',
          params: orgParams,
          querystring: registerListQuery,
          response: { 200: propertyListSchema, ...errors },
        },
      },
      async (request) => listPropertiesFor(deps, { actor: request.actor, ...request.query }),
    );
    app.post(
      '/properties',
      {
        schema: {
          tags,
          summary: 'Add a property',
          params: orgParams,
          body: propertyInputSchema,
          response: { 201: propertySchema, ...errors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const property = await createProperty(deps, { actor: request.actor, input: request.body });
        return reply.code(201).header('etag', `"${property.version}"`).send(property);
      },
    );
    app.get(
      '/properties/:propertyId',
      {
        schema: {
          tags,
          summary: 'One property',
          params: withId('propertyId'),
          response: { 200: propertySchema, ...errors },
        },
      },
      async (request, reply) => {
        const property = await getProperty(deps, { actor: request.actor, id: request.params.propertyId! });
        reply.header('etag', `"${property.version}"`);
        return property;
      },
    );
    app.put(
      '/properties/:propertyId',
      {
        schema: {
          tags,
          summary: 'Change a property (If-Match required)',
          params: withId('propertyId'),
          headers: ifMatch,
          body: propertyInputSchema,
          response: {
            200: propertySchema,
            ...errors,
            409: problemSchema,
            412: problemSchema,
            428: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const property = await replaceProperty(deps, {
          actor: request.actor,
          id: request.params.propertyId!,
          input: request.body,
          ifMatch: versionOf(request.headers['if-match']),
        });
        reply.header('etag', `"${property.version}"`);
        return property;
      },
    );

    app.get(
      '/objects',
      {
        schema: {
          tags,
          summary: 'Objects (apartments, premises): by number, address, property or tenant',
          params: orgParams,
          querystring: registerListQuery,
          response: { 200: objectListSchema, ...errors },
        },
      },
      async (request) => listObjectsFor(deps, { actor: request.actor, ...request.query }),
    );
    app.post(
      '/objects',
      {
        schema: {
          tags,
          summary: 'Add an object to a property',
          params: orgParams,
          body: objectInputSchema,
          response: { 201: objectSchema, ...errors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const object = await createObject(deps, { actor: request.actor, input: request.body });
        return reply.code(201).header('etag', `"${object.version}"`).send(object);
      },
    );
    app.get(
      '/objects/:objectId',
      {
        schema: {
          tags,
          summary: 'One object with its rooms, units and tenants',
          params: withId('objectId'),
          response: { 200: objectSchema, ...errors },
        },
      },
      async (request, reply) => {
        const object = await getObject(deps, { actor: request.actor, id: request.params.objectId! });
        reply.header('etag', `"${object.version}"`);
        return object;
      },
    );
    app.put(
      '/objects/:objectId',
      {
        schema: {
          tags,
          summary: 'Change an object (If-Match required)',
          params: withId('objectId'),
          headers: ifMatch,
          body: objectInputSchema,
          response: {
            200: objectSchema,
            ...errors,
            409: problemSchema,
            412: problemSchema,
            428: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const object = await replaceObject(deps, {
          actor: request.actor,
          id: request.params.objectId!,
          input: request.body,
          ifMatch: versionOf(request.headers['if-match']),
        });
        reply.header('etag', `"${object.version}"`);
        return object;
      },
    );

    app.get(
      '/units',
      {
        schema: {
          tags,
          summary: 'Units (Enheter) across the register: by name, unit type, model or serial number',
          params: orgParams,
          querystring: registerPartListQuery,
          response: { 200: unitListSchema, ...errors },
        },
      },
      async (request) => listUnitsFor(deps, { actor: request.actor, ...request.query }),
    );
    app.get(
      '/tenants',
      {
        schema: {
          tags,
          summary: 'Tenants (Hyresgäster) across the register: by name, e-mail or phone number',
          params: orgParams,
          querystring: registerPartListQuery,
          response: { 200: tenantListSchema, ...errors },
        },
      },
      async (request) => listTenantsFor(deps, { actor: request.actor, ...request.query }),
    );

    const part = <S extends z.ZodType>(args: {
      parent: 'objects' | 'rooms';
      parentParam: string;
      path: 'rooms' | 'units' | 'tenants';
      param: string;
      body: S;
      add: (a: { actor: Actor; parentId: string; input: z.output<S> }) => Promise<RegisterObject>;
      change: (a: { actor: Actor; id: string; input: z.output<S> | null }) => Promise<RegisterObject>;
      what: string;
    }) => {
      app.post(
        `/${args.parent}/:${args.parentParam}/${args.path}`,
        {
          schema: {
            tags,
            summary: `Add ${args.what}; answers with the whole object`,
            params: withId(args.parentParam),
            body: args.body,
            response: { 201: objectSchema, ...errors, 409: problemSchema },
          },
        },
        async (request, reply) =>
          reply.code(201).send(
            await args.add({
              actor: request.actor,
              parentId: (request.params as Record<string, string>)[args.parentParam]!,
              input: request.body as z.output<S>,
            }),
          ),
      );
      app.put(
        `/${args.path}/:${args.param}`,
        {
          schema: {
            tags,
            summary: `Change ${args.what}`,
            params: withId(args.param),
            body: args.body,
            response: { 200: objectSchema, ...errors, 409: problemSchema },
          },
        },
        async (request) =>
          args.change({
            actor: request.actor,
            id: (request.params as Record<string, string>)[args.param]!,
            input: request.body as z.output<S>,
          }),
      );
      app.delete(
        `/${args.path}/:${args.param}`,
        {
          schema: {
            tags,
            summary: `Remove ${args.what}`,
            params: withId(args.param),
            response: { 200: objectSchema, ...errors },
          },
        },
        async (request) =>
          args.change({
            actor: request.actor,
            id: (request.params as Record<string, string>)[args.param]!,
            input: null,
          }),
      );
    };
    part({
      parent: 'objects',
      parentParam: 'objectId',
      path: 'rooms',
      param: 'roomId',
      body: roomInputSchema,
      what: 'a room (Utrymme)',
      add: (a) => addRoom(deps, { actor: a.actor, objectId: a.parentId, input: a.input }),
      change: (a) => changeRoom(deps, a),
    });
    part({
      parent: 'rooms',
      parentParam: 'roomId',
      path: 'units',
      param: 'unitId',
      body: unitInputSchema,
      what: 'a unit (Enhet) in a room',
      add: (a) => addUnit(deps, { actor: a.actor, roomId: a.parentId, input: a.input }),
      change: (a) => changeUnit(deps, a),
    });
    part({
      parent: 'objects',
      parentParam: 'objectId',
      path: 'tenants',
      param: 'tenantId',
      body: tenantInputSchema,
      what: 'a tenant (Hyresgäst)',
      add: (a) => addTenant(deps, { actor: a.actor, objectId: a.parentId, input: a.input }),
      change: (a) => changeTenant(deps, a),
    });

    for (const register of registers) {
      app.post(
        `/${register}/import`,
        {
          schema: {
            tags,
            summary: `Import ${register} from CSV: every row is checked first; all rows or none are written`,
            description:
              'Send the file as text/csv (UTF-8, or Windows-1252 as Excel writes it; `;` or `,`). ' +
              'Rows are matched on their natural key and updated, or added; a column the file does not have ' +
              'is left as it is, an empty cell clears the field. A file with errors answers 422 ' +
              'with one entry per bad row and column (`rows.<line>.<column>`) and writes nothing.',
            params: orgParams,
            body: z.unknown().describe('The CSV file'),
            response: {
              200: importResultSchema,
              ...errors,
              413: problemSchema,
              415: problemSchema,
              422: problemSchema,
            },
          },
        },
        async (request) => {
          if (!canEditRegister(request.actor)) throw problems.forbidden();
          if (!Buffer.isBuffer(request.body)) throw problems.unsupportedMediaType();
          return importRegister({
            db: deps.db,
            clock: deps.clock,
            clientOrgId: request.actor.orgId,
            register,
            file: request.body,
          });
        },
      );
      app.get(
        `/${register}/export.csv`,
        {
          schema: {
            tags,
            summary: `Export ${register} as CSV, in the columns the import reads`,
            params: orgParams,
            response: { 200: z.string(), ...errors },
          },
        },
        async (request, reply) =>
          reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${register}.csv"`)
            .serializer((v) => v as string)
            .send(await exportRegister(deps, { actor: request.actor, register: register as Register })),
      );
    }
  };
}
