/**
 * The `/api` routes outside a company that anyone may call, by design. Every other route answers 401
 * without a session (identity.api.test.ts) and 403 naming the gate to a gated session
 * (session-gates.api.test.ts).
 */
export const publicRoutes: ReadonlySet<string> = new Set([
  'GET /api/health',
  'POST /api/session',
  'DELETE /api/session',
  'GET /api/openapi.json',
  // Authenticates with its own shared secret (tested with the inbound mail).
  'POST /api/inbound-mail',
  // The tenant link's token is its key (tested with the tenant link).
  'GET /api/tenant-links/:token',
  'POST /api/tenant-links/:token/proposals',
  // Invitation and set-up links: the token is the key (invitations.api.test.ts, companies.api.test.ts).
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/register',
  'POST /api/invitation-confirmations/:token',
  'GET /api/account-setup/:token',
  'POST /api/account-setup/:token',
  // Forgot password and the e-mail confirmation link: the token is the key
  // (password-reset.api.test.ts, account.api.test.ts).
  'POST /api/password-reset',
  'GET /api/password-reset/:token',
  'POST /api/password-reset/:token',
  'POST /api/password-reset/:token/sms',
  'POST /api/email-change/:token',
]);

/** The development mailbox answers only requests from this machine (tested in identity.api.test.ts). */
export const loopbackOnly = (url: string) => url.startsWith('/api/dev/');
