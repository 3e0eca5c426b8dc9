import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegisterObject } from '../../../../contract/properties.ts';
import { svPages } from '../../app/i18n/sv.pages.ts';
import { sv } from '../../app/i18n/sv.ts';
import {
  emptyNewWorkOrder,
  fillFromObject,
  fillFromProperty,
  fillFromUnit,
  type NewWorkOrderValues,
  toCreateBody,
  validateNewWorkOrder,
} from './new-work-order-form.ts';

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: 'sv', resources: { sv: { translation: sv } }, interpolation: { escapeValue: false } });
  t.addResourceBundle('sv', 'translation', svPages, true, false);
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

  it('may give only the object number, for an object in the client’s register', () => {
    const values = {
      ...filled,
      propertyName: '',
      street: '',
      objectNumber: '71230044',
      contractorOrgId: null,
      clientOrgId: '1b7c2a52-6a3b-4f1e-9a61-2f0d1c1b9e22',
    };
    expect(validateNewWorkOrder(values, true, t.t, 'contractor')).toEqual({});
    const body = toCreateBody(values, true, 'contractor');
    expect(body).toMatchObject({ objectNumber: '71230044' });
    expect(body.propertyName).toBeUndefined();
    expect(body.street).toBeUndefined();
    // Without the number the place is needed, and a client always names it.
    const noNumber = { ...values, objectNumber: '' };
    expect(validateNewWorkOrder(noNumber, true, t.t, 'contractor')).toMatchObject({
      propertyName: 'Obligatoriskt fält',
      street: 'Obligatoriskt fält',
    });
    expect(
      validateNewWorkOrder({ ...values, contractorOrgId: filled.contractorOrgId }, true, t.t),
    ).toMatchObject({ propertyName: 'Obligatoriskt fält', street: 'Obligatoriskt fält' });
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

const object: RegisterObject = {
  id: '0b8f2a52-6a3b-4f1e-9a61-2f0d1c1b9e33',
  propertyId: '5c1f2a52-6a3b-4f1e-9a61-2f0d1c1b9e44',
  propertyDesignation: 'Stockholm Tallkrogen 3',
  ownerName: 'Exempelbostäder AB',
  number: '64010765',
  type: '3 rum och kök',
  floor: '0 av 2 (ej hiss)',
  street: 'Torögatan 51',
  postalCode: '122 65',
  city: 'Enskede',
  tenantName: 'Test Testsson',
  accessToApartment: null,
  keyInfo: 'Nyckel i fastighetsboxen',
  entryWithoutTenant: false,
  version: 1,
  rooms: [
    {
      id: '7a1f2a52-6a3b-4f1e-9a61-2f0d1c1b9e55',
      name: 'Kök',
      code: '076506',
      units: [
        {
          id: '9d1f2a52-6a3b-4f1e-9a61-2f0d1c1b9e66',
          name: 'Diskmaskin',
          unitType: 'Vitvara',
          isAppliance: true,
          model: 'Bosch',
          serialNumber: 'SN100200',
          installedOn: '2010-09-16',
          lastMaintenanceOn: null,
        },
      ],
    },
  ],
  tenants: [
    {
      id: '1e1f2a52-6a3b-4f1e-9a61-2f0d1c1b9e77',
      name: 'Förre Hyresgästen',
      phoneHome: '070-174 06 05',
      phoneWork: null,
      phoneOther: null,
      preferredPhone: 'home',
      email: null,
      moveInOn: '1999-01-01',
    },
    {
      id: '2e1f2a52-6a3b-4f1e-9a61-2f0d1c1b9e88',
      name: 'Test Testsson',
      phoneHome: '0799999999',
      phoneWork: null,
      phoneOther: '0788888888',
      preferredPhone: 'home',
      email: 'test@example.se',
      moveInOn: '2009-08-27',
    },
  ],
};

describe('an order on an object of the register', () => {
  const base: NewWorkOrderValues = {
    ...emptyNewWorkOrder,
    placeSource: 'register',
    description: 'Kommer inget vatten',
    contractorOrgId: '7f2c2a52-6a3b-4f1e-9a61-2f0d1c1b9e11',
  };

  it('asks for the object before anything about the place', () => {
    const errors = validateNewWorkOrder(base, true, t.t);
    expect(errors.objectId).toBe('Välj objekt');
    expect(errors).not.toHaveProperty('propertyName');
    expect(errors).not.toHaveProperty('street');
  });

  it('fills place, access and the tenant who moved in last, with the phone marked *', () => {
    const values = fillFromObject(base, object);
    expect(values).toMatchObject({
      objectId: object.id,
      tenantId: '2e1f2a52-6a3b-4f1e-9a61-2f0d1c1b9e88',
      propertyName: 'Stockholm Tallkrogen 3',
      street: 'Torögatan 51',
      objectNumber: '64010765',
      floor: '0 av 2 (ej hiss)',
      keyInfo: 'Nyckel i fastighetsboxen',
      reporter: {
        name: 'Test Testsson',
        email: 'test@example.se',
        phones: [
          { kind: 'home', number: '0799999999', preferred: true },
          { kind: 'other', number: '0788888888', preferred: false },
        ],
      },
    });
    expect(validateNewWorkOrder(values, true, t.t)).toEqual({});
  });

  it('sends the register references with what the form shows, changes included', () => {
    const room = object.rooms[0]!;
    const values = {
      ...fillFromObject(base, object),
      roomId: room.id,
      room: 'Kök (076506)',
      ...fillFromUnit(base, room.units[0]),
      keyInfo: 'Nyckel hos grannen',
    };
    const body = toCreateBody(values, true);
    expect(body).toMatchObject({
      objectId: object.id,
      roomId: room.id,
      unitId: room.units[0]!.id,
      tenantId: '2e1f2a52-6a3b-4f1e-9a61-2f0d1c1b9e88',
      room: 'Kök (076506)',
      unit: 'Diskmaskin',
      unitIsAppliance: true,
      model: 'Bosch',
      serialNumber: 'SN100200',
      keyInfo: 'Nyckel hos grannen',
      dispatch: true,
    });
    expect(toCreateBody({ ...values, placeSource: 'free' }, true)).not.toHaveProperty('objectId');
  });
});

describe('an order on the common areas of a property of the register', () => {
  const property = {
    id: '5b1f2a52-6a3b-4f1e-9a61-2f0d1c1b9e01',
    designation: 'Solna Rosenborg 3',
    ownerName: 'Brf Vågen',
    adminArea: null,
    district: null,
    street: 'Rosenborgsgatan 12',
    postalCode: '169 74',
    city: 'Solna',
    objectCount: 12,
    version: 1,
    updatedAt: '2024-10-16T08:00:00.000Z',
  };
  const base: NewWorkOrderValues = {
    ...fillFromObject(
      {
        ...emptyNewWorkOrder,
        placeSource: 'register',
        description: 'Torktumlaren startar inte',
        contractorOrgId: '7f2c2a52-6a3b-4f1e-9a61-2f0d1c1b9e11',
      },
      object,
    ),
  };

  it('takes name, owner and address from the property and lets go of the object and its tenant', () => {
    const values = fillFromProperty(base, property);
    expect(values).toMatchObject({
      commonArea: true,
      propertyId: property.id,
      objectId: null,
      tenantId: null,
      objectNumber: '',
      propertyName: 'Solna Rosenborg 3',
      ownerName: 'Brf Vågen',
      street: 'Rosenborgsgatan 12',
      keyInfo: '',
      reporter: { name: '' },
    });
  });

  it('sends the property, not an object, once the reporter is given', () => {
    const values = {
      ...fillFromProperty(base, property),
      room: 'Tvättstuga',
      reporter: {
        name: 'Brf Vågens styrelse',
        phones: [{ key: 'a', kind: 'work' as const, number: '08-465 004 10', preferred: true }],
        email: '',
      },
    };
    expect(validateNewWorkOrder(values, true, t.t)).toEqual({});
    const body = toCreateBody(values, true);
    expect(body).toMatchObject({ propertyId: property.id, room: 'Tvättstuga', street: 'Rosenborgsgatan 12' });
    expect(body).not.toHaveProperty('objectId');
    expect(body).not.toHaveProperty('tenantId');
  });

  it('asks for the property when none is chosen', () => {
    const errors = validateNewWorkOrder({ ...base, commonArea: true, propertyId: null }, true, t.t);
    expect(errors.propertyId).toBe('Välj fastighet');
    expect(errors).not.toHaveProperty('objectId');
  });
});
