import { describe, expect, it } from 'vitest';
import { defaultPhrases } from '../../../../contract/agreements.values.ts';
import type { WorkOrderEvent } from '../../../../contract/work-orders.ts';
import {
  canWriteOn,
  categoryOf,
  countByCategory,
  eventForPhrase,
  filterEvents,
  noteVisibilities,
  questionsOf,
} from './talk.ts';

let seq = 0;
function event(type: string, createdAt: string, data: Record<string, unknown> | null = null): WorkOrderEvent {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    type,
    fromStatus: null,
    toStatus: null,
    reason: null,
    data,
    actor: { id: '10000000-0000-4000-8000-000000000001', name: 'Tove Lindqvist' },
    actorOrg: { id: '20000000-0000-4000-8000-000000000001', name: 'Exempel Rör AB' },
    visibility: 'shared',
    createdAt,
  };
}

describe('who may write and how a note may be marked', () => {
  it('lets the people doing or ordering the work write, not viewers or support', () => {
    expect(canWriteOn({ orgKind: 'contractor', role: 'technician' })).toBe(true);
    expect(canWriteOn({ orgKind: 'contractor', role: 'manager' })).toBe(true);
    expect(canWriteOn({ orgKind: 'contractor', role: 'support' })).toBe(false);
    expect(canWriteOn({ orgKind: 'client', role: 'coordinator' })).toBe(true);
    expect(canWriteOn({ orgKind: 'client', role: 'viewer' })).toBe(false);
    expect(canWriteOn({ orgKind: 'partner', role: 'admin' })).toBe(false);
  });

  it('offers internal notes to the contractor only', () => {
    expect(noteVisibilities('contractor')).toEqual(['internal', 'shared', 'tenant']);
    expect(noteVisibilities('client')).toEqual(['shared', 'tenant']);
  });
});

describe('the log by group', () => {
  const log = [
    event('created', '2026-05-01T08:00:00Z'),
    event('status_changed', '2026-05-01T09:00:00Z'),
    event('note', '2026-05-01T10:00:00Z'),
    event('question', '2026-05-01T11:00:00Z'),
    event('mail_failed', '2026-05-01T12:00:00Z'),
    event('attachment', '2026-05-01T13:00:00Z'),
    event('message', '2026-05-01T14:00:00Z'),
    event('tenant_proposal', '2026-05-01T15:00:00Z'),
    event('something_new', '2026-05-01T16:00:00Z'),
  ];

  it('puts every type in a group, unknown ones with the status changes', () => {
    expect(categoryOf('answer')).toBe('questions');
    expect(categoryOf('mail_sent')).toBe('mail');
    expect(categoryOf('updated')).toBe('edits');
    expect(categoryOf('something_new')).toBe('status');
  });

  it('shows everything newest first when nothing is chosen, else only the chosen groups', () => {
    expect(filterEvents(log, []).map((e) => e.type)).toEqual([
      'something_new',
      'tenant_proposal',
      'message',
      'attachment',
      'mail_failed',
      'question',
      'note',
      'status_changed',
      'created',
    ]);
    expect(filterEvents(log, ['notes', 'mail']).map((e) => e.type)).toEqual([
      'tenant_proposal',
      'mail_failed',
      'note',
    ]);
  });

  it('counts the events of each group', () => {
    expect(countByCategory(log)).toEqual({
      status: 3,
      notes: 2,
      questions: 1,
      messages: 1,
      mail: 1,
      files: 1,
      edits: 0,
    });
  });
});

describe('questions and answers from the log', () => {
  it('pairs each Beställningsfråga with its Beställningssvar, open questions first', () => {
    const log = [
      event('question', '2026-05-01T10:00:00Z', { questionId: 'q1', text: 'Ska blandaren bytas?' }),
      event('question', '2026-05-02T10:00:00Z', { questionId: 'q2', text: 'Finns det nyckel?' }),
      event('answer', '2026-05-01T12:00:00Z', {
        questionId: 'q1',
        question: 'Ska blandaren bytas?',
        text: 'Ja byt blandaren',
      }),
      event('question', '2026-05-03T10:00:00Z', { questionId: 'q3', text: 'Vilken färg?' }),
      event('note', '2026-05-03T11:00:00Z', { text: 'not a question' }),
    ];
    const questions = questionsOf(log);
    expect(questions.map((q) => [q.id, q.answer?.text ?? null])).toEqual([
      ['q3', null],
      ['q2', null],
      ['q1', 'Ja byt blandaren'],
    ]);
    expect(questions[2]).toMatchObject({
      text: 'Ska blandaren bytas?',
      askedBy: 'Tove Lindqvist',
      askedByOrg: 'Exempel Rör AB',
      answer: { at: '2026-05-01T12:00:00Z', by: 'Tove Lindqvist' },
    });
  });

  it('ignores events without a question id', () => {
    expect(questionsOf([event('question', '2026-05-01T10:00:00Z', { text: 'x' })])).toEqual([]);
  });
});

describe('the Händelse of a ready phrase', () => {
  it('reads Familjebostäder’s list', () => {
    expect(Object.fromEntries(defaultPhrases.map((p) => [p, eventForPhrase(p)]))).toEqual({
      'Entreprenör är beställd': 'information',
      'Hyresgäst är kontaktad': 'tenant_contacted',
      'Material är beställt': 'material',
      'Tid är bokad med kund': 'time_booked',
      'Felet stämmer inte med vad som står på AO': 'obstacle',
      'Väntar på reservdelar/material': 'material',
      'Extralås ej öppet, kunde inte gå in': 'obstacle',
      'Sökt kund men telefonnummer stämmer ej': 'obstacle',
      'Har lämnat meddelande men inget svar': 'obstacle',
      'Husdjur lös i lägenheten, går inte in': 'obstacle',
    });
  });

  it('makes a client’s own phrases information unless they say otherwise', () => {
    expect(eventForPhrase('Nyckel hämtad på kontoret')).toBe('information');
    expect(eventForPhrase('Besökt lägenheten')).toBe('visit');
    expect(eventForPhrase('Ringt hyresgästen')).toBe('tenant_contacted');
  });
});
