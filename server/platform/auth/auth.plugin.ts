import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OrgKind, Role } from '../../../contract/organizations.ts';
import { defineProblem, problems } from '../errors.ts';
import { sendProblem } from '../http-errors.ts';
import { scopedOrgId } from '../tenant-path.ts';

/**
 * Why a live session may not reach a route yet (see identity's session-gate policy): the second
 * factor is still to come, the password must be changed, or two-factor must be set up first.
 */
export type SessionGate = 'second_factor' | 'password_change' | 'second_factor_enrolment';

export type SessionInfo = {
  tokenHash: string;
  userId: string;
  gate: SessionGate | null;
  /**
   * On a company-scoped route: the user's membership in that company, looked up with the session
   * (null: not a member). Absent when not looked up.
   */
  membership?: { orgId: string; orgKind: OrgKind; role: Role } | null;
};

export type AuthOptions = {
  /** Finds the live session for a cookie token, or null when there is none (expired, logged out, disabled). */
  resolveSession(token: string, orgId: string | null): Promise<SessionInfo | null>;
  cookieName: string;
  /** The origin pages are served from; state-changing requests from another origin are refused. */
  publicOrigin: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
    /** A live session hidden from this route by its gate: the answer is 403 with the gate's code. */
    gatedSession: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** Gates under which this route still sees the session (e.g. GET /api/me, logout, enrolment). */
    openUnderGates?: readonly SessionGate[];
  }
}

const gateProblems = {
  second_factor: defineProblem({
    status: 403,
    code: 'auth.second_factor_required',
    title: {
      sv: 'Ange koden från tvåstegsverifieringen',
      en: 'Enter the code of your two-step verification',
    },
  }),
  password_change: defineProblem({
    status: 403,
    code: 'auth.password_change_required',
    title: {
      sv: 'Kontrollera dina kontaktuppgifter och byt lösenord först',
      en: 'Check your contact details and change your password first',
    },
  }),
  second_factor_enrolment: defineProblem({
    status: 403,
    code: 'auth.second_factor_enrolment_required',
    title: {
      sv: 'Ditt företag kräver tvåstegsverifiering. Aktivera den först.',
      en: 'Your company requires two-step verification. Turn it on first.',
    },
  }),
} satisfies Record<SessionGate, unknown>;

/** The answer for a request without a usable session: 403 naming the gate, or 401. */
export function noSessionProblem(request: FastifyRequest) {
  const gate = request.gatedSession?.gate;
  return gate ? gateProblems[gate]() : problems.unauthenticated();
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
  app.decorateRequest('gatedSession', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!SAFE_METHODS.has(request.method) && isForeignOrigin(request, options.publicOrigin)) {
      return sendProblem(reply, problems.foreignOrigin());
    }
    const token = request.cookies[options.cookieName];
    if (!token) return;
    const session = await options.resolveSession(
      token,
      scopedOrgId(request.routeOptions.url, request.params),
    );
    // The gate is enforced here, once: a route not open under the session's gate does not see the
    // session at all, so public routes behave as for a visitor and the rest answer 403 (below).
    const open = request.routeOptions.config.openUnderGates ?? [];
    if (session?.gate && !open.includes(session.gate)) request.gatedSession = session;
    else request.session = session;
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
  if (!request.session) return sendProblem(reply, noSessionProblem(request));
}
