import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { changesOf, parseDate, valuesOf } from './order-edit.ts';

const TOVE = '2652ba5c-2f51-426b-9039-7dbadd5048f2';

// Only the fields the planning form reads.
const order = {
  contractorContact: null,
  bookedAt: '2024-10-30T12:53:00.000Z',
  plannedAt: null,
  model: null,
  serialNumber: 'SN-1',
} as unknown as WorkOrder;

const all = new Set(['contractorContactId', 'bookedAt', 'plannedAt', 'model', 'serialNumber'] as const);

describe('valuesOf', () => {
  it('shows the booked time as Stockholm date and time', () => {
    expect(valuesOf(order)).toMatchObject({
      bookedDate: '2024-10-30',
      bookedTime: '13:53',
      serialNumber: 'SN-1',
    });
  });
});

describe('changesOf', () => {
  it('sends nothing when nothing changed', () => {
    expect(changesOf(order, valuesOf(order), all)).toEqual({});
  });

  it('sends only the changed fields, the booked time as a UTC instant', () => {
    const values = {
      ...valuesOf(order),
      contractorContactId: TOVE,
      bookedTime: '08:00',
      plannedAt: '2024-11-04',
    };
    expect(changesOf(order, values, all)).toEqual({
      contractorContactId: TOVE,
      bookedAt: '2024-10-30T07:00:00.000Z',
      plannedAt: '2024-11-04',
    });
  });

  it('clears a booked time and a serial number, and leaves out fields the user may not edit', () => {
    const values = {
      ...valuesOf(order),
      bookedDate: null,
      bookedTime: '',
      serialNumber: ' ',
      contractorContactId: TOVE,
    };
    const fields = new Set(['bookedAt', 'plannedAt', 'serialNumber'] as const);
    expect(changesOf(order, values, fields)).toEqual({ bookedAt: null, serialNumber: null });
  });
});

describe('parseDate', () => {
  it('reads a typed YYYY-MM-DD and refuses anything else', () => {
    expect(parseDate(' 2024-11-04 ')).toBe('2024-11-04');
    expect(parseDate('2024-02-30')).toBeNull();
    expect(parseDate('4/11/2024')).toBeNull();
  });
});
