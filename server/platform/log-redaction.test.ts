import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.ts';

const token = 'BeNl96Q9E1fG1EGs2dRtWFnGnhhe6fYRvgKZwnIv9Q0';

describe('request logs', () => {
  it('never carry the token of an invitation, confirmation, set-up or tenant link', () => {
    for (const url of [
      `/api/invitations/${token}`,
      `/api/invitations/${token}/register`,
      `/api/invitation-confirmations/${token}`,
      `/api/account-setup/${token}`,
      `/api/tenant-links/${token}/proposals`,
      `/invitations/confirm/${token}`,
      `/t/${token}`,
    ]) {
      const logged = redactUrl(url);
      expect(logged).not.toContain(token);
      expect(logged).toContain('[token]');
    }
  });

  it('leaves other addresses alone', () => {
    expect(redactUrl('/api/invitations')).toBe('/api/invitations');
    expect(redactUrl('/api/orgs/00000000-0000-4000-8000-000000000001/invitations')).toBe(
      '/api/orgs/00000000-0000-4000-8000-000000000001/invitations',
    );
  });
});
