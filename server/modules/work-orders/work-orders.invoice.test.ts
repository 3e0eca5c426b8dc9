import { describe, expect, it } from 'vitest';
import { bundleNumberFor } from './work-orders.bundle.ts';
import { invoiceReference } from './work-orders.invoice.ts';

describe('the invoice reference', () => {
  it('is AO followed by the number by default, as Familjebostäder asks', () => {
    expect(invoiceReference(null, 2375)).toBe('AO2375');
    expect(invoiceReference('', 2375)).toBe('AO2375');
  });

  it("follows the client's template, without spaces", () => {
    expect(invoiceReference('JM-{number}', 17)).toBe('JM-17');
    expect(invoiceReference('AO {number}', 2375)).toBe('AO2375');
    expect(invoiceReference('FB', 9)).toBe('FB9');
  });
});

describe('the bundle number', () => {
  it('is the object number and the Stockholm dispatch day', () => {
    expect(bundleNumberFor('64010765', new Date('2019-08-19T14:06:57Z'))).toBe('64010765-20190819');
    // Just after midnight in Stockholm, still the day before in UTC.
    expect(bundleNumberFor('64010765', new Date('2019-08-19T22:30:00Z'))).toBe('64010765-20190820');
  });

  it('does not exist for an order without an object', () => {
    expect(bundleNumberFor(null, new Date())).toBeNull();
    expect(bundleNumberFor('  ', new Date())).toBeNull();
  });
});
