import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../app/i18n/sv.ts';
import { describeChanges, describeCompletion } from './event-text.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'sv',
    resources: { sv: { translation: sv } },
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
