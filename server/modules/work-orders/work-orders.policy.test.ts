import { describe, expect, it } from 'vitest';
import type { OrgKind, Role } from '../../../contract/organizations.ts';
import {
  allowedTransitions,
  canCreateWorkOrder,
  canReadWorkOrders,
  canTransitionTo,
} from './work-orders.policy.ts';

const actor = (orgKind: OrgKind, role: Role) => ({ orgKind, role });

describe('work-order policy', () => {
  it('lets client admins and coordinators create orders, and nobody else', () => {
    expect(canCreateWorkOrder(actor('client', 'admin'))).toBe(true);
    expect(canCreateWorkOrder(actor('client', 'coordinator'))).toBe(true);
    for (const role of ['viewer', 'support'] as const)
      expect(canCreateWorkOrder(actor('client', role))).toBe(false);
    for (const role of ['admin', 'manager', 'technician', 'support'] as const) {
      expect(canCreateWorkOrder(actor('contractor', role))).toBe(false);
    }
  });

  it('keeps support users, partners and operators away from work orders', () => {
    expect(canReadWorkOrders(actor('client', 'support'))).toBe(false);
    expect(canReadWorkOrders(actor('contractor', 'support'))).toBe(false);
    expect(canReadWorkOrders(actor('partner', 'admin'))).toBe(false);
    expect(canReadWorkOrders(actor('operator', 'admin'))).toBe(false);
    expect(canReadWorkOrders(actor('client', 'viewer'))).toBe(true);
    expect(canReadWorkOrders(actor('contractor', 'technician'))).toBe(true);
  });

  it('lets contractor admins and managers accept and decline, but not technicians', () => {
    const order = { status: 'new' as const };
    expect(allowedTransitions(actor('contractor', 'admin'), order)).toEqual(['accepted', 'declined']);
    expect(allowedTransitions(actor('contractor', 'manager'), order)).toEqual(['accepted', 'declined']);
    expect(allowedTransitions(actor('contractor', 'technician'), order)).toEqual([]);
  });

  it('lets a technician progress and complete an accepted order', () => {
    const order = { status: 'accepted' as const };
    expect(allowedTransitions(actor('contractor', 'technician'), order).sort()).toEqual(
      ['done', 'material_ordered', 'reporter_unreachable'].sort(),
    );
  });

  it('lets client viewers change nothing and coordinators cancel, reopen and invoice', () => {
    expect(allowedTransitions(actor('client', 'viewer'), { status: 'new' })).toEqual([]);
    expect(allowedTransitions(actor('client', 'coordinator'), { status: 'new' })).toEqual(['cancelled']);
    expect(allowedTransitions(actor('client', 'coordinator'), { status: 'done' }).sort()).toEqual([
      'accepted',
      'invoiced',
    ]);
    expect(canTransitionTo(actor('client', 'viewer'), { status: 'done' }, 'invoiced')).toBe(false);
  });

  it('gives a client no contractor moves and a contractor no client moves', () => {
    expect(allowedTransitions(actor('client', 'admin'), { status: 'accepted' })).toEqual(['cancelled']);
    expect(allowedTransitions(actor('contractor', 'admin'), { status: 'done' })).toEqual([]);
  });
});
