import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { sv } from '../../app/i18n/sv.ts';
import {
  emptyNewWorkOrder,
  type NewWorkOrderValues,
  toCreateBody,
  validateNewWorkOrder,
} from './new-work-order-form.ts';

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: 'sv', resources: { sv: { translation: sv } }, interpolation: { escapeValue: false } });
});

const filled: NewWorkOrderValues = {
  ...emptyNewWorkOrder,
  description: 'Kommer inget vatten',
  propertyName: 'Stockholm Tallkrogen 3',
  street: 'Torögatan 51',
  reporter: {
    name: 'Test Testsson',
    phones: [{ key: 'a', kind: 'home', number: '070-174 06 05', preferred: true }],
    email: '',
  },
  contractorOrgId: '7f2c2a52-6a3b-4f1e-9a61-2f0d1c1b9e11',
};

describe('validateNewWorkOrder', () => {
  it('names every required field of an empty form, with the API body path', () => {
    const errors = validateNewWorkOrder(emptyNewWorkOrder, true, t.t);
    expect(errors).toMatchObject({
      description: 'Obligatoriskt fält',
      propertyName: 'Obligatoriskt fält',
      street: 'Obligatoriskt fält',
      'reporter.name': 'Obligatoriskt fält',
      'reporter.phones.0.number': 'Obligatoriskt fält',
      contractorOrgId: 'Välj entreprenör',
    });
  });

  it('accepts a filled-in form, and a draft without a contractor', () => {
    expect(validateNewWorkOrder(filled, true, t.t)).toEqual({});
    expect(validateNewWorkOrder({ ...filled, contractorOrgId: null }, false, t.t)).toEqual({});
  });

  it('refuses a malformed postcode, phone number and e-mail address', () => {
    const errors = validateNewWorkOrder(
      {
        ...filled,
        postalCode: '1234',
        reporter: {
          name: 'A',
          phones: [{ key: 'a', kind: 'home', number: '070-ABC-123', preferred: true }],
          email: 'nej',
        },
      },
      true,
      t.t,
    );
    expect(errors).toEqual({
      postalCode: 'Fem siffror, t.ex. 123 45',
      'reporter.phones.0.number': 'Bara siffror, mellanslag, +, -, ( och )',
      'reporter.email': 'Ogiltig e-postadress',
    });
  });
});

describe('a contractor registering an order', () => {
  it('names the client instead of a contractor and sends no dispatch flag', () => {
    const values = { ...filled, contractorOrgId: null, clientOrgId: '1b7c2a52-6a3b-4f1e-9a61-2f0d1c1b9e22' };
    const body = toCreateBody(values, true, 'contractor');
    expect(body.clientOrgId).toBe('1b7c2a52-6a3b-4f1e-9a61-2f0d1c1b9e22');
    expect(body).not.toHaveProperty('contractorOrgId');
    expect(body).not.toHaveProperty('dispatch');
    expect(validateNewWorkOrder(values, true, t.t, 'contractor')).toEqual({});
  });

  it('asks for the client', () => {
    expect(validateNewWorkOrder({ ...filled, contractorOrgId: null }, true, t.t, 'contractor')).toEqual({
      clientOrgId: 'Välj beställare',
    });
  });
});

describe('toCreateBody', () => {
  it('leaves out blank optional fields and trims the rest', () => {
    const body = toCreateBody({ ...filled, city: '  ', phrase: ' Blandare ' }, false);
    expect(body.city).toBeUndefined();
    expect(body.phrase).toBe('Blandare');
    expect(body.dispatch).toBe(false);
  });

  it('says how short a phone number is when it is given but too short', () => {
    const phones = [{ key: 'a', kind: 'home' as const, number: '070', preferred: true }];
    const errors = validateNewWorkOrder({ ...filled, reporter: { ...filled.reporter, phones } }, true, t.t);
    expect(errors).toEqual({ 'reporter.phones.0.number': 'Minst 5 tecken' });
  });
});
