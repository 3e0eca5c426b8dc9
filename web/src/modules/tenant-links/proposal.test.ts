import { describe, expect, it } from 'vitest';
import { proposalFrom } from './proposal.ts';

const TODAY = '2026-05-05';
const empty = { date: '', from: '', to: '' };

describe('the reporter’s proposed times', () => {
  it('sends the filled rows, with or without hours, and the message', () => {
    expect(
      proposalFrom(
        [{ date: '2026-05-07', from: '08:00', to: '12:00' }, empty, { date: '2026-05-08', from: '', to: '' }],
        '  Ring innan ',
        TODAY,
      ),
    ).toEqual({
      body: {
        times: [{ date: '2026-05-07', from: '08:00', to: '12:00' }, { date: '2026-05-08' }],
        text: 'Ring innan',
      },
      errors: {},
    });
  });

  it('takes today, and leaves out an empty message', () => {
    expect(proposalFrom([{ date: TODAY, from: '16:00', to: '' }], ' ', TODAY).body).toEqual({
      times: [{ date: TODAY, from: '16:00' }],
    });
  });

  it('asks for at least one time', () => {
    expect(proposalFrom([empty, empty], 'Hej', TODAY)).toEqual({
      body: null,
      errors: { 'times.0.date': 'oneTime' },
    });
  });

  it('names each field at fault by its path, as the server does', () => {
    expect(
      proposalFrom(
        [
          { date: '2026-02-30', from: '8', to: '' },
          { date: '2026-05-04', from: '', to: '' },
          { date: '2026-05-09', from: '13:00', to: '09:00' },
          { date: '', from: '10:00', to: '' },
        ],
        '',
        TODAY,
      ).errors,
    ).toEqual({
      'times.0.date': 'date',
      'times.0.from': 'time',
      'times.1.date': 'past',
      'times.2.to': 'order',
      'times.3.date': 'date',
    });
  });
});
