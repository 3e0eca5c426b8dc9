import { describe, expect, it } from 'vitest';
import { kindsFor, settingsFrom } from './notification-kinds.ts';

describe('the notifications offered', () => {
  it('offers a contractor’s work manager new orders, answers, messages, cancellations and the overdue reminder', () => {
    expect(kindsFor([{ orgKind: 'contractor', role: 'manager' }])).toEqual([
      'new_order',
      'answer',
      'message',
      'cancelled',
      'overdue',
    ]);
  });

  it('leaves the overdue reminder out for a technician', () => {
    expect(kindsFor([{ orgKind: 'contractor', role: 'technician' }])).not.toContain('overdue');
  });

  it('offers a client’s coordinator questions and messages', () => {
    expect(kindsFor([{ orgKind: 'client', role: 'coordinator' }])).toEqual(['question', 'message']);
  });

  it('joins the kinds of someone in both kinds of company, in one order', () => {
    expect(
      kindsFor([
        { orgKind: 'client', role: 'admin' },
        { orgKind: 'contractor', role: 'technician' },
      ]),
    ).toEqual(['new_order', 'question', 'answer', 'message', 'cancelled']);
  });

  it('offers nothing to support users and viewers, who get no such mail', () => {
    expect(
      kindsFor([
        { orgKind: 'client', role: 'viewer' },
        { orgKind: 'contractor', role: 'support' },
      ]),
    ).toEqual([]);
  });
});

describe('the settings saved', () => {
  it('switches off what was unticked and keeps kinds not offered as they were', () => {
    expect(
      settingsFrom({
        saved: { off: ['overdue', 'question'], digest: false },
        offered: ['question', 'message'],
        on: { question: true, message: false },
        digest: true,
      }),
    ).toEqual({ off: ['message', 'overdue'], digest: true });
  });
});
