import { describe, expect, it } from 'vitest';
import { invitationProblem } from './invitation-errors.ts';

/** What the API client throws for a problem document: status, code, title. */
const problem = (status: number, code: string) =>
  Object.assign(new Error(code), { status, code, title: code });

describe('the page a failed invitation link shows', () => {
  it('names expired, used and revoked links each', () => {
    expect(invitationProblem(problem(410, 'invitations.expired'))).toBe('expired');
    expect(invitationProblem(problem(410, 'invitations.used'))).toBe('used');
    expect(invitationProblem(problem(410, 'invitations.revoked'))).toBe('revoked');
  });

  it('treats an unknown or malformed link as not found, and anything else as no known problem', () => {
    expect(invitationProblem(problem(404, 'invitations.not_found'))).toBe('notFound');
    expect(invitationProblem(problem(400, 'request.invalid'))).toBe('notFound');
    expect(invitationProblem(problem(500, 'internal'))).toBeNull();
    expect(invitationProblem(new Error('x'))).toBeNull();
    expect(invitationProblem(null)).toBeNull();
  });
});
