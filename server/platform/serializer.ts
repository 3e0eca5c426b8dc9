/**
 * Response serialisation. The routes' response schemas are Zod (one source for validation, types and
 * the OpenAPI document); to write the answers, each schema is turned into JSON Schema once, at
 * start-up, and compiled with fast-json-stringify — the serialiser Fastify itself uses. Like the Zod
 * serialiser it writes only the properties the schema names (nothing extra can leak out) and refuses
 * an answer that lacks a required one, but it does not walk every value through Zod first, which for
 * a list or a dashboard cost more than the database did.
 */
import fastJson from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type SerializerCompiler = Parameters<FastifyInstance['setSerializerCompiler']>[0];

export const serializerCompiler: SerializerCompiler = (route) => {
  const { schema } = route as { schema: unknown };
  if (!(schema instanceof z.ZodType)) return zodSerializerCompiler(route as never);
  let jsonSchema: object;
  try {
    jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
  } catch {
    // A schema JSON Schema cannot say (none today) keeps the Zod serialiser.
    return zodSerializerCompiler(route as never);
  }
  const stringify = fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
  return (data: unknown) => stringify(data);
};
