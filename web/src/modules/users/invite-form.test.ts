import { describe, expect, it } from 'vitest';
import { parseEmails } from './invite-form.ts';

describe('the addresses of Bjud in användare', () => {
  it('takes one per line, or separated by commas, and drops repeats whatever the case', () => {
    expect(parseEmails('anna@a.se\nBo@b.se, anna@A.se;\n\n')).toEqual({
      emails: ['anna@a.se', 'bo@b.se'],
      invalid: [],
    });
  });

  it('names what is not an address', () => {
    expect(parseEmails('anna@a.se\nbo.b.se')).toEqual({ emails: ['anna@a.se'], invalid: ['bo.b.se'] });
  });
});
