import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrderEvent } from '../../../../contract/work-orders.ts';
import { enPages } from '../../app/i18n/en.pages.ts';
import { en } from '../../app/i18n/en.ts';
import { svPages } from '../../app/i18n/sv.pages.ts';
import { sv } from '../../app/i18n/sv.ts';
import { describeChanges, describeCompletion, eventDetails, eventTitle } from './event-text.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'sv',
    resources: {
      sv: { translation: { ...sv, ...svPages, validation: { ...sv.validation, ...svPages.validation } } },
      en: { translation: { ...en, ...enPages, validation: { ...en.validation, ...enPages.validation } } },
    },
    interpolation: { escapeValue: false },
  });
});

const names = new Map([['2652ba5c-2f51-426b-9039-7dbadd5048f2', 'Tove Lindqvist']]);

describe('describeChanges', () => {
  it('names the person, formats the times in Stockholm and shows a dash for nothing', () => {
    const lines = describeChanges(
      {
        changes: {
          contractorContactId: { from: null, to: '2652ba5c-2f51-426b-9039-7dbadd5048f2' },
          bookedAt: { from: '2024-10-29T09:00:00.000Z', to: '2024-10-30T12:53:00.000Z' },
          plannedAt: { from: null, to: '2024-11-04' },
          serialNumber: { from: 'A1', to: null },
        },
      },
      i18n.t,
      (id) => names.get(id),
    );
    expect(lines).toEqual([
      'Entreprenörkontakt: — → Tove Lindqvist',
      'Bokat tid med anmälare: 2024-10-29 10:00 → 2024-10-30 13:53',
      'Planerad: — → 2024-11-04',
      'Serienummer: A1 → —',
    ]);
  });

  it('says "okänd person" for someone it cannot name, and nothing for an event without changes', () => {
    expect(
      describeChanges({ changes: { contractorContactId: { from: null, to: 'x' } } }, i18n.t, () => undefined),
    ).toEqual(['Entreprenörkontakt: — → okänd person']);
    expect(describeChanges(null, i18n.t, () => undefined)).toEqual([]);
  });
});

describe('describeCompletion', () => {
  it('gives the action taken and the chosen fault type and root cause', () => {
    expect(
      describeCompletion(
        { actionDescription: 'Bytt packning.', faultType: 'Slitage', rootCause: null },
        i18n.t,
      ),
    ).toEqual(['Bytt packning.', 'Feltyp: Slitage']);
  });
});

function event(
  type: string,
  data: Record<string, unknown> | null,
  extra: Partial<WorkOrderEvent> = {},
): WorkOrderEvent {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    type,
    fromStatus: null,
    toStatus: null,
    reason: null,
    data,
    actor: null,
    actorOrg: null,
    visibility: 'shared',
    createdAt: '2026-05-05T08:00:00.000Z',
    ...extra,
  };
}

const status = (s: string) => ({ new: 'Ny', accepted: 'Accepterad' })[s] ?? s;
const title = (e: WorkOrderEvent) => eventTitle(e, i18n.t, status);
const details = (e: WorkOrderEvent) => eventDetails(e, i18n.t, () => undefined);

describe('the log’s Typ and Text', () => {
  it('says which files of a reply by mail could not be taken', () => {
    const reply = event('message', {
      text: 'Se bilagorna',
      byMail: true,
      fromEmail: 'elsa@exempel.se',
      droppedFiles: ['offert.docx', 'IMG_0001.HEIC'],
    });
    expect(title(reply)).toBe('Meddelande (svar via e-post)');
    expect(details(reply)).toEqual([
      'Se bilagorna',
      'Från elsa@exempel.se',
      'Bilagor som inte kunde tas emot (filtypen stöds inte eller filen är för stor): offert.docx, IMG_0001.HEIC',
    ]);
  });

  it('words a note by its Händelse and shows its phrase and text', () => {
    const note = event('note', {
      event: 'time_booked',
      phrase: 'Tid är bokad med kund',
      text: 'Torsdag 8–12',
    });
    expect(title(note)).toBe('Notering: Tid bokad');
    expect(details(note)).toEqual(['Tid är bokad med kund', 'Torsdag 8–12']);
    expect(title(event('note', { event: 'something_else', text: 'x' }))).toBe('Notering');
  });

  it('shows a question, and an answer with the question it answers', () => {
    expect(title(event('question', { questionId: 'q', text: 'Ska blandaren bytas?' }))).toBe(
      'Beställningsfråga',
    );
    const answer = event('answer', {
      questionId: 'q',
      question: 'Ska blandaren bytas?',
      text: 'Ja byt blandaren',
    });
    expect(title(answer)).toBe('Beställningssvar');
    expect(details(answer)).toEqual(['Ja byt blandaren', 'Svar på: Ska blandaren bytas?']);
  });

  it('shows a message with whom it was mailed to, and a reply by mail with its sender', () => {
    const out = event('message', { text: 'Vi kommer på torsdag.', sentTo: ['a@example.se', 'b@example.se'] });
    expect(title(out)).toBe('Meddelande');
    expect(details(out)).toEqual([
      'Vi kommer på torsdag.',
      'Skickat som e-post till a@example.se, b@example.se',
    ]);
    const reply = event('message', { text: 'Passar bra.', byMail: true, fromEmail: 'elsa@example.se' });
    expect(title(reply)).toBe('Meddelande (svar via e-post)');
    expect(details(reply)).toEqual(['Passar bra.', 'Från elsa@example.se']);
  });

  it('says where a mail could not be delivered, and where one went', () => {
    const failed = event('mail_failed', { subject: 'Ny arbetsorder 12' }, { reason: 'fel@example.se' });
    expect(title(failed)).toBe('E-post kunde inte levereras');
    expect(details(failed)).toEqual(['Kunde inte levereras till fel@example.se', 'Ny arbetsorder 12']);
    const sent = event('mail_sent', { subject: 'Ny arbetsorder 12' }, { reason: 'ok@example.se' });
    expect(title(sent)).toBe('E-post skickad');
    expect(details(sent)).toEqual(['Till ok@example.se', 'Ny arbetsorder 12']);
  });

  it('names files by kind, the reporter’s proposed times, and a move with its reason', () => {
    expect(title(event('attachment', { kind: 'video', fileName: 'klipp.mp4' }))).toBe('Film bifogad');
    expect(details(event('attachment', { kind: 'image', fileName: 'foto.jpg' }))).toEqual(['foto.jpg']);
    const proposal = event('tenant_proposal', {
      times: ['2026-05-07 08:00–12:00', '2026-05-08'],
      text: 'Ring på',
    });
    expect(title(proposal)).toBe('Anmälaren föreslår tider');
    expect(details(proposal)).toEqual(['Föreslagna tider: 2026-05-07 08:00–12:00, 2026-05-08', 'Ring på']);
    const declined = event('status_changed', null, { fromStatus: 'new', toStatus: 'accepted', reason: 'Ok' });
    expect(title(declined)).toBe('Status: Ny → Accepterad');
    expect(details(declined)).toEqual(['Ok']);
    expect(title(event('dispatched', null))).toBe('Skickad till entreprenör');
    expect(title(event('mystery', null))).toBe('Händelse: mystery');
  });

  it('speaks English to an English reader', async () => {
    await i18n.changeLanguage('en');
    try {
      expect(title(event('note', { event: 'obstacle', text: 'x' }))).toBe('Note: Obstacle');
      expect(details(event('mail_failed', null, { reason: 'x@example.se' }))).toEqual([
        'Could not be delivered to x@example.se',
      ]);
    } finally {
      await i18n.changeLanguage('sv');
    }
  });
});
