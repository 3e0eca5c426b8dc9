import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { sv } from '../../app/i18n/sv.ts';
import { clientChanges, clientEditValues, validateClientEdit } from './client-edit.ts';

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: 'sv', resources: { sv: { translation: sv } }, interpolation: { escapeValue: false } });
});

const order = {
  type: 'fault',
  priority: 'normal',
  description: 'Kommer inget vatten',
  phrase: null,
  externalRef: null,
  billable: true,
  accessToApartment: null,
  keyInfo: 'Huvudnyckel',
  entryWithoutTenant: false,
  preferredTime: null,
  reporter: {
    name: 'Test Testsson',
    phones: [{ kind: 'home', number: '0799999999', preferred: true }],
    email: null,
    moveInOn: '2009-08-27',
  },
  clientContact: { name: 'Elsa Österberg', email: null, phone: null },
} as unknown as WorkOrder;

const all = [
  'type',
  'priority',
  'description',
  'phrase',
  'externalRef',
  'billable',
  'accessToApartment',
  'keyInfo',
  'entryWithoutTenant',
  'preferredTime',
  'reporter',
  'clientContact',
];

describe('the client’s edit of an order', () => {
  it('sends nothing when nothing changed', () => {
    expect(clientChanges(order, clientEditValues(order), all)).toEqual({});
  });

  it('sends only what changed, blanks as null, the reporter whole with the move-in date kept', () => {
    const values = clientEditValues(order);
    values.priority = 'high';
    values.keyInfo = ' ';
    values.reporter.phones[0]!.number = '070-174 06 05';
    expect(clientChanges(order, values, all)).toEqual({
      priority: 'high',
      keyInfo: null,
      reporter: {
        name: 'Test Testsson',
        phones: [{ kind: 'home', number: '070-174 06 05', preferred: true }],
        email: undefined,
        moveInOn: '2009-08-27',
      },
    });
  });

  it('leaves out fields the order no longer lets the client change', () => {
    const values = { ...clientEditValues(order), priority: 'urgent' as const };
    expect(clientChanges(order, values, ['description'])).toEqual({});
  });

  it('names the missing description and a contact person without a name', () => {
    const values = clientEditValues(order);
    values.description = '';
    values.clientContact = { name: '', email: 'x@example.se', phone: '' };
    expect(validateClientEdit(values, t.t)).toEqual({
      description: 'Obligatoriskt fält',
      'clientContact.name': 'Obligatoriskt fält',
    });
  });
});
