import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '../../../../contract/agreements.ts';
import { defaultSlaRules } from '../../../../contract/agreements.values.ts';
import { svPages } from '../../app/i18n/sv.pages.ts';
import {
  agreementTerms,
  agreementValues,
  describeRule,
  formFieldOf,
  linesOf,
  referenceExample,
  validateAgreement,
} from './agreement-form.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'sv',
    resources: { sv: { translation: svPages } },
    interpolation: { escapeValue: false },
  });
});

const agreement: Agreement = {
  client: { id: 'c', name: 'Exempelbostäder AB' },
  contractor: { id: 'r', name: 'Exempel Rör AB' },
  orderTypes: ['fault', 'warranty'],
  slaRules: { ...defaultSlaRules, low: { contactBy: null, deliverBy: { days: 40, unit: 'working' } } },
  completedVisibleDays: 180,
  requireFaultType: true,
  requireRootCause: false,
  faultTypes: ['Slitage', 'Skadegörelse'],
  rootCauses: ['Okänd'],
  phrases: ['Extralås ej öppet, kunde inte gå in'],
  invoiceReferenceTemplate: 'AO{number}',
  invoiceMarking: 'P.123456.1.2',
  projectNumber: null,
  invoiceAddress: null,
  version: 3,
  updatedAt: '2024-10-16T08:00:00Z',
};

describe('the agreement form', () => {
  it('gives back the same terms it was filled from', () => {
    const { client: _c, contractor: _k, version: _v, updatedAt: _u, ...terms } = agreement;
    expect(agreementTerms(agreementValues(agreement))).toEqual(terms);
  });

  it('reads lists one item per line, without blank lines, and keeps commas inside an item', () => {
    expect(linesOf(' Slitage \n\nExtralås ej öppet, kunde inte gå in\r\n')).toEqual([
      'Slitage',
      'Extralås ej öppet, kunde inte gå in',
    ]);
  });

  it('names each field the server would refuse', () => {
    const values = agreementValues(agreement);
    values.orderTypes = [];
    values.sla.normal.contactBy = { unit: 'working', days: 'tre' };
    values.sla.low.contactBy = { unit: 'none', days: '' };
    values.completedVisibleDays = '0';
    values.faultTypes = 'Slitage\nSlitage';
    values.rootCauses = '\n';
    values.invoiceReferenceTemplate = 'AO {number}';
    expect(Object.keys(validateAgreement(values, i18n.t)).sort()).toEqual([
      'completedVisibleDays',
      'faultTypes',
      'invoiceReferenceTemplate',
      'orderTypes',
      'rootCauses',
      'sla.normal.contactBy.days',
    ]);
    expect(validateAgreement(agreementValues(agreement), i18n.t)).toEqual({});
  });

  it('maps the server’s field paths onto the form’s', () => {
    expect(formFieldOf('slaRules.normal.deliverBy.days')).toBe('sla.normal.deliverBy.days');
    expect(formFieldOf('faultTypes.2')).toBe('faultTypes');
    expect(formFieldOf('invoiceReferenceTemplate')).toBe('invoiceReferenceTemplate');
  });

  it('describes a rule in words and shows the reference a template gives', () => {
    expect(describeRule({ days: 3, unit: 'working' }, i18n.t)).toBe('3 arbetsdagar');
    expect(describeRule({ days: 1, unit: 'calendar' }, i18n.t)).toBe('1 kalenderdag');
    expect(describeRule(null, i18n.t)).toBe('Inget datum');
    expect(referenceExample('AO{number}')).toBe('AO2375');
  });
});
