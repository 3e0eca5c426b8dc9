import { isApiError } from '../../app/api.ts';

/** Which clear page a failed invitation link shows; the codes are the server's. */
export function invitationProblem(error: unknown): 'expired' | 'used' | 'revoked' | 'notFound' | null {
  if (!isApiError(error)) return null;
  switch (error.code) {
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
