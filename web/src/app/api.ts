import type { ProblemBody } from '../../../contract/common.ts';
import { currentLocale, i18n } from './i18n/i18n.ts';

export type FieldError = { field: string; message: string };

/** An answer from the API that was not a success, read from its RFC 9457 problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly fieldErrors: FieldError[];

  constructor(args: { status: number; code: string; title: string; fieldErrors?: FieldError[] }) {
    super(args.title);
    this.name = 'ApiError';
    this.status = args.status;
    this.code = args.code;
    this.title = args.title;
    this.fieldErrors = args.fieldErrors ?? [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

let unauthorizedHandler: (() => void) | null = null;

/** What to do when the session has ended while the app is in use (set once by the app). */
export function onUnauthorized(handler: () => void) {
  unauthorizedHandler = handler;
}

let gateHandler: (() => void) | null = null;

/**
 * What to do when the server says the session must first take a step (change the password, turn on
 * two-step verification — e.g. a company started requiring it while the app was open).
 */
export function onGateRequired(handler: () => void) {
  gateHandler = handler;
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a Blob (a file) is sent as it is, with the content-type given in `headers`. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A 401 is an expected answer here (logging in, checking the session): do not leave the page. */
  expectUnauthorized?: boolean;
};

export type ApiResponse<T> = { data: T; headers: Headers; status: number };

/** How a request reaches the API: the browser's `fetch`, or on the server the page renderer's own. */
export type Transport = (path: string, init: RequestInit) => Promise<Response>;

let transport: Transport = (path, init) => fetch(path, init);

/**
 * Replaces the browser's `fetch` for every request of the API client. The server's page renderer
 * (entry-server.tsx) sends each request into the server itself, as the person asking for the page.
 */
export function setTransport(next: Transport) {
  transport = next;
}

async function readProblem(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<ProblemBody>;
      return new ApiError({
        status: response.status,
        code: body.code ?? 'unknown',
        title: body.title ?? response.statusText,
        fieldErrors: (body.errors ?? []).map((e) => ({ field: e.field, message: e.message })),
      });
    } catch {
      // Fall through to the generic error below.
    }
  }
  return new ApiError({
    status: response.status,
    code: 'unknown',
    title: response.statusText || i18n.t('common.unexpectedError'),
  });
}

/** The server could not be reached (offline, a dropped connection). */
function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'network', title: i18n.t('common.networkError') });
}

/** Calls the API on the same origin with the session cookie, in the user's language. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLocale(),
    ...options.headers,
  };
  // A file (a register's CSV) goes as its own bytes; anything else as JSON.
  const raw = options.body instanceof Blob;
  if (options.body !== undefined && !raw) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await transport(path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body: raw
        ? (options.body as Blob)
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  return receive<T>(response, options);
}

/**
 * Reads an answer of the API as `request` does, for a request the page started itself: the
 * session check that index.html sends while the app's code is still downloading (early-me.ts).
 */
export async function receiveEarly<T>(
  sent: Promise<Response>,
  options: Pick<RequestOptions, 'expectUnauthorized'> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await sent;
  } catch {
    throw networkError();
  }
  return (await receive<T>(response, options)).data;
}

async function receive<T>(
  response: Response,
  options: Pick<RequestOptions, 'expectUnauthorized'>,
): Promise<ApiResponse<T>> {
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler?.();
    if (response.status === 403 && /^auth\..*_required$/.test(problem.code)) gateHandler?.();
    throw problem;
  }
  const hasBody = response.status !== 204 && (response.headers.get('content-type') ?? '').includes('json');
  const data = (hasBody ? await response.json() : undefined) as T;
  return { data, headers: response.headers, status: response.status };
}

export async function getJson<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) {
  return (await request<T>(path, options)).data;
}

export async function postJson<T>(
  path: string,
  body: unknown,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
) {
  return (await request<T>(path, { ...options, method: 'POST', body })).data;
}
