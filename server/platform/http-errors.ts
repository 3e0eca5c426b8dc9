import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type FieldError, type Locale, Problem, problems } from './errors.ts';

/** The caller's language: English when the request prefers it, Swedish otherwise. */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'sv';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'sv';
}

type ValidationIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
};

const fieldMessages: Record<Locale, (issue: ValidationIssue) => string> = {
  sv: (issue) => {
    const p = issue.params ?? {};
    switch (issue.keyword) {
      case 'invalid_type':
        return p.input === undefined ? 'Obligatoriskt fält' : 'Fel typ av värde';
      case 'too_small':
        return p.origin === 'string'
          ? Number(p.minimum) <= 1
            ? 'Obligatoriskt fält'
            : `Minst ${p.minimum} tecken`
          : `Minst ${p.minimum}`;
      case 'too_big':
        return p.origin === 'string' ? `Högst ${p.maximum} tecken` : `Högst ${p.maximum}`;
      case 'invalid_value':
        return 'Ogiltigt val';
      case 'invalid_format':
        return 'Ogiltigt format';
      case 'unrecognized_keys':
        return `Fält som inte får anges: ${((p.keys as string[] | undefined) ?? []).join(', ')}`;
      default:
        return 'Ogiltigt värde';
    }
  },
  en: (issue) => {
    const p = issue.params ?? {};
    switch (issue.keyword) {
      case 'invalid_type':
        return p.input === undefined ? 'Required' : 'Wrong type of value';
      case 'too_small':
        return p.origin === 'string'
          ? Number(p.minimum) <= 1
            ? 'Required'
            : `At least ${p.minimum} characters`
          : `At least ${p.minimum}`;
      case 'too_big':
        return p.origin === 'string' ? `At most ${p.maximum} characters` : `At most ${p.maximum}`;
      case 'invalid_value':
        return 'Not one of the allowed values';
      case 'invalid_format':
        return 'Invalid format';
      case 'unrecognized_keys':
        return `Fields that may not be set: ${((p.keys as string[] | undefined) ?? []).join(', ')}`;
      default:
        return issue.message ?? 'Invalid value';
    }
  },
};

function fieldErrors(issues: ValidationIssue[], context: string | undefined, locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const pathParts = issue.instancePath.split('/').filter(Boolean);
    // Unknown keys are reported on the object; name each key so the caller sees which field was refused.
    const keys = issue.keyword === 'unrecognized_keys' ? ((issue.params?.keys as string[]) ?? []) : [null];
    for (const key of keys) {
      const parts = key ? [...pathParts, key] : pathParts;
      const field = parts.length ? parts.join('.') : (context ?? 'body');
      // One message per field is what a form can show; the first is the most basic one.
      if (errors.some((e) => e.field === field)) continue;
      errors.push({ field, code: issue.keyword, message: fieldMessages[locale](issue) });
    }
  }
  return errors;
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  const request = reply.request;
  if (problem.headers) reply.headers(problem.headers);
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(problem.toBody(requestLocale(request), request.url));
}

/** Maps every error a route can raise onto a problem document; nothing else leaves the server. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    if (error instanceof Problem) return sendProblem(reply, error);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const locale = requestLocale(request);
      const errors = fieldErrors(
        error.validation as unknown as ValidationIssue[],
        error.validationContext,
        locale,
      );
      return sendProblem(reply, problems.validation({ errors }));
    }
    if (error.validation) {
      return sendProblem(
        reply,
        problems.validation({
          errors: [{ field: error.validationContext ?? 'body', code: 'invalid', message: error.message }],
        }),
      );
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, problems.payloadTooLarge());
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(reply, problems.unsupportedMediaType());
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, problems.validation({ detail: error.message }));
    }
    if (error.statusCode === 400 || error instanceof SyntaxError) {
      // Malformed JSON and the like: the message names the position, which helps API users.
      return sendProblem(reply, problems.validation({ detail: error.message }));
    }
    if (error.statusCode === 429) return sendProblem(reply, problems.tooManyRequests());
    if (error.statusCode === 503) return sendProblem(reply, problems.shuttingDown());

    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problems.internal());
  });
}
