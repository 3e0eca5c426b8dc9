import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problems } from '../errors.ts';
import { sendProblem } from '../http-errors.ts';

export type SessionInfo = { tokenHash: string; userId: string };

export type AuthOptions = {
  /** Finds the live session for a cookie token, or null when there is none (expired, logged out, disabled). */
  resolveSession(token: string): Promise<SessionInfo | null>;
  cookieName: string;
  /** The origin pages are served from; state-changing requests from another origin are refused. */
  publicOrigin: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
}

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this exact host and path, but browsers accept it only over HTTPS.
  return secure ? '__Host-ordning_session' : 'ordning_session';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads the session cookie on every request and refuses cross-site writes. Routes that need a user
 * call `requireSession`.
 */
export function installAuth(app: FastifyInstance, options: AuthOptions) {
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!SAFE_METHODS.has(request.method) && isForeignOrigin(request, options.publicOrigin)) {
      return sendProblem(reply, problems.foreignOrigin());
    }
    const token = request.cookies[options.cookieName];
    if (token) request.session = await options.resolveSession(token);
  });
}

function isForeignOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (origin === publicOrigin) return false;
  // Also accept the origin the request was actually addressed to (e.g. 127.0.0.1 vs localhost).
  const host = request.headers.host;
  return !(host && (origin === `http://${host}` || origin === `https://${host}`));
}

export async function requireSession(request: FastifyRequest, reply: FastifyReply) {
  if (!request.session) return sendProblem(reply, problems.unauthenticated());
}
