import { describe, expect, it } from 'vitest';
import { type WorkOrderStatus, workOrderStatuses } from '../../../contract/work-orders.ts';
import { decideTransition, nextStatuses, type Side } from './work-orders.status.ts';

// The allowed moves of domain.md, written out by hand (not derived from the module under test).
const allowed: Record<Side, string[]> = {
  contractor: [
    'new→accepted',
    'new→declined',
    'accepted→material_ordered',
    'accepted→reporter_unreachable',
    'material_ordered→accepted',
    'material_ordered→reporter_unreachable',
    'reporter_unreachable→accepted',
    'reporter_unreachable→material_ordered',
    'accepted→done',
    'material_ordered→done',
    'reporter_unreachable→done',
  ],
  client: [
    'draft→cancelled',
    'new→cancelled',
    'accepted→cancelled',
    'material_ordered→cancelled',
    'reporter_unreachable→cancelled',
    'done→invoiced',
    'done→accepted',
  ],
};

/** Input that satisfies every requirement, so only the move itself decides. */
const complete = {
  reason: 'En anledning',
  actionDescription: 'Bytt packning',
  faultType: 'Slitage',
  rootCause: 'Ålder/slitage',
  model: 'X1',
  serialNumber: 'S1',
};

const pairs = workOrderStatuses.flatMap((from) => workOrderStatuses.map((to) => [from, to] as const));

describe('the work-order status machine', () => {
  for (const side of ['contractor', 'client'] as const) {
    for (const [from, to] of pairs) {
      const key = `${from}→${to}`;
      const expected = allowed[side].includes(key);
      it(`${side}: ${key} is ${expected ? 'allowed' : 'refused'}`, () => {
        const decision = decideTransition({ from, to, side, input: complete });
        expect(decision.ok).toBe(expected);
        if (!expected) expect(decision).toEqual({ ok: false, error: 'not_allowed' });
      });
    }
  }

  it('lists the next statuses for each side exactly as the allowed moves', () => {
    for (const side of ['contractor', 'client'] as const) {
      for (const from of workOrderStatuses) {
        const expected = allowed[side].filter((k) => k.startsWith(`${from}→`)).map((k) => k.split('→')[1]);
        expect(nextStatuses(from, side).sort()).toEqual(expected.sort());
      }
    }
  });

  it('refuses every move out of a closed order except the client invoicing or reopening a done one', () => {
    const closed: WorkOrderStatus[] = ['declined', 'invoiced', 'cancelled'];
    for (const from of closed) {
      expect(nextStatuses(from, 'contractor')).toEqual([]);
      expect(nextStatuses(from, 'client')).toEqual([]);
    }
    expect(nextStatuses('done', 'contractor')).toEqual([]);
  });

  it('needs a reason to decline, cancel and reopen', () => {
    expect(decideTransition({ from: 'new', to: 'declined', side: 'contractor', input: {} })).toEqual({
      ok: false,
      error: 'missing_fields',
      fields: ['reason'],
    });
    expect(
      decideTransition({ from: 'accepted', to: 'cancelled', side: 'client', input: { reason: '  ' } }),
    ).toEqual({
      ok: false,
      error: 'missing_fields',
      fields: ['reason'],
    });
    expect(decideTransition({ from: 'done', to: 'accepted', side: 'client', input: {} })).toMatchObject({
      ok: false,
      fields: ['reason'],
    });
    expect(decideTransition({ from: 'new', to: 'accepted', side: 'contractor', input: {} })).toMatchObject({
      ok: true,
    });
  });

  it('needs the action description to complete, and more when the client asks for it', () => {
    expect(decideTransition({ from: 'accepted', to: 'done', side: 'contractor', input: {} })).toEqual({
      ok: false,
      error: 'missing_fields',
      fields: ['actionDescription'],
    });
    expect(
      decideTransition({
        from: 'accepted',
        to: 'done',
        side: 'contractor',
        input: { actionDescription: 'Bytt packning' },
        closeOut: { requireFaultType: true, requireRootCause: true, requireModelAndSerial: true },
      }),
    ).toEqual({
      ok: false,
      error: 'missing_fields',
      fields: ['faultType', 'rootCause', 'model', 'serialNumber'],
    });
    expect(
      decideTransition({
        from: 'material_ordered',
        to: 'done',
        side: 'contractor',
        input: { actionDescription: 'Klart' },
      }),
    ).toEqual({ ok: true, completes: true, reopens: false });
  });

  it('marks reopening so the completion date can be cleared', () => {
    expect(
      decideTransition({ from: 'done', to: 'accepted', side: 'client', input: { reason: 'Läcker igen' } }),
    ).toEqual({
      ok: true,
      completes: false,
      reopens: true,
    });
  });
});
