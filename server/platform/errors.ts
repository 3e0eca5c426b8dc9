/**
 * RFC 9457 problem details. Every error that leaves the server is one of these, with a stable `code`
 * that clients (our web app included) translate, a title in the caller's language, and, for input
 * errors, the fields at fault.
 */
export type Locale = 'sv' | 'en';

export type FieldError = { field: string; code: string; message: string };
/** A field error as raised: the message may come in both languages and is resolved per request. */
export type FieldErrorInput = { field: string; code: string; message: string | Record<Locale, string> };

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
};

export type ProblemDefinition = { status: number; code: string; title: Record<Locale, string> };

export class Problem extends Error {
  readonly status: number;
  readonly code: string;
  readonly titles: Record<Locale, string>;
  readonly detail: string | undefined;
  readonly errors: FieldErrorInput[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    def: ProblemDefinition,
    extra: { detail?: string; errors?: FieldErrorInput[]; headers?: Record<string, string> } = {},
  ) {
    super(def.title.en);
    this.name = 'Problem';
    this.status = def.status;
    this.code = def.code;
    this.titles = def.title;
    this.detail = extra.detail;
    this.errors = extra.errors;
    this.headers = extra.headers;
  }

  toBody(locale: Locale, instance?: string): ProblemBody {
    return {
      type: `https://ordning.dev/problems/${this.code.replaceAll('.', '/')}`,
      title: this.titles[locale],
      status: this.status,
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors
        ? {
            errors: this.errors.map((e) => ({
              field: e.field,
              code: e.code,
              message: typeof e.message === 'string' ? e.message : e.message[locale],
            })),
          }
        : {}),
    };
  }
}

/**
 * Declares an error once, with its status, code and titles; calling the result makes the error.
 * Modules declare their own next to the rules that raise them.
 */
export function defineProblem(def: ProblemDefinition) {
  const make = (extra?: { detail?: string; errors?: FieldErrorInput[]; headers?: Record<string, string> }) =>
    new Problem(def, extra);
  return Object.assign(make, { code: def.code, status: def.status });
}

export const problems = {
  validation: defineProblem({
    status: 400,
    code: 'request.invalid',
    title: { sv: 'Uppgifterna är inte giltiga', en: 'The request is not valid' },
  }),
  unauthenticated: defineProblem({
    status: 401,
    code: 'auth.unauthenticated',
    title: { sv: 'Du behöver logga in', en: 'You need to log in' },
  }),
  forbidden: defineProblem({
    status: 403,
    code: 'auth.forbidden',
    title: { sv: 'Du har inte behörighet till detta', en: 'You are not allowed to do this' },
  }),
  foreignOrigin: defineProblem({
    status: 403,
    code: 'request.foreign_origin',
    title: { sv: 'Begäran kom från en annan webbplats', en: 'The request came from another site' },
  }),
  notFound: defineProblem({
    status: 404,
    code: 'not_found',
    title: { sv: 'Hittades inte', en: 'Not found' },
  }),
  conflict: defineProblem({
    status: 409,
    code: 'conflict',
    title: { sv: 'Ändringen krockar med nuvarande läge', en: 'The change conflicts with the current state' },
  }),
  preconditionRequired: defineProblem({
    status: 428,
    code: 'request.precondition_required',
    title: {
      sv: 'Ändringen saknar versionsuppgift (If-Match)',
      en: 'The change must name the version it edits (If-Match)',
    },
  }),
  preconditionFailed: defineProblem({
    status: 412,
    code: 'request.stale',
    title: {
      sv: 'Någon annan har ändrat detta under tiden. Ladda om och försök igen.',
      en: 'Someone else changed this meanwhile. Reload and try again.',
    },
  }),
  payloadTooLarge: defineProblem({
    status: 413,
    code: 'request.too_large',
    title: { sv: 'Innehållet är för stort', en: 'The content is too large' },
  }),
  unsupportedMediaType: defineProblem({
    status: 415,
    code: 'request.unsupported_media_type',
    title: { sv: 'Innehållstypen stöds inte', en: 'The content type is not supported' },
  }),
  tooManyRequests: defineProblem({
    status: 429,
    code: 'request.rate_limited',
    title: { sv: 'För många försök. Vänta en stund.', en: 'Too many attempts. Please wait a while.' },
  }),
  shuttingDown: defineProblem({
    status: 503,
    code: 'server.shutting_down',
    title: {
      sv: 'Servern startar om. Försök igen strax.',
      en: 'The server is restarting. Try again shortly.',
    },
  }),
  internal: defineProblem({
    status: 500,
    code: 'server.internal',
    title: { sv: 'Något gick fel hos oss', en: 'Something went wrong on our side' },
  }),
};
