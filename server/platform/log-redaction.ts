/**
 * Addresses whose path carries a secret token (invitation, confirmation, set-up, password reset and
 * e-mail change links, the tenant link): the token is cut from the URL before a request is logged (architecture rule 9, security.md 31).
 */
const TOKEN_PATHS =
  /(\/(?:api\/)?(?:invitations|invitation-confirmations|account-setup|tenant-links|t|password-reset|email-change|aterstall-losenord|bekrafta-epost)\/(?:confirm\/)?)[A-Za-z0-9_-]{16,}/g;

export function redactUrl(url: string): string {
  return url.replace(TOKEN_PATHS, '$1[token]');
}
