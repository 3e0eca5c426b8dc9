/**
 * Which clear page a failed invitation link shows; the codes are the server's. Reads the `code` of
 * the API's error (ApiError) without importing it, so the rule is testable without a browser.
 */
export function invitationProblem(error: unknown): 'expired' | 'used' | 'revoked' | 'notFound' | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  switch (code) {
    case 'invitations.expired':
      return 'expired';
    case 'invitations.used':
      return 'used';
    case 'invitations.revoked':
      return 'revoked';
    case 'invitations.not_found':
    case 'request.invalid':
      return 'notFound';
    default:
      return null;
  }
}
