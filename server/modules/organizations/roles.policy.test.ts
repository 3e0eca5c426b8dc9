import { describe, expect, it } from 'vitest';
import { normaliseOrgNumber } from './org-number.ts';
import { type Capability, can, roleFitsOrg, roleTable } from './roles.policy.ts';

describe('roles policy (domain.md)', () => {
  it('only administrators manage users, invite, change settings and read the audit log', () => {
    for (const capability of ['users.manage', 'invitations.send', 'settings.manage', 'audit.read'] as const) {
      expect(can({ orgKind: 'client', role: 'admin' }, capability)).toBe(true);
      expect(can({ orgKind: 'contractor', role: 'admin' }, capability)).toBe(true);
      for (const role of ['coordinator', 'viewer', 'support'] as const)
        expect(can({ orgKind: 'client', role }, capability)).toBe(false);
      for (const role of ['manager', 'technician', 'support'] as const)
        expect(can({ orgKind: 'contractor', role }, capability)).toBe(false);
    }
  });

  it('only a client administrator invites contractors; only the operator manages companies', () => {
    expect(can({ orgKind: 'client', role: 'admin' }, 'contractors.invite')).toBe(true);
    expect(can({ orgKind: 'contractor', role: 'admin' }, 'contractors.invite')).toBe(false);
    expect(can({ orgKind: 'operator', role: 'admin' }, 'companies.manage')).toBe(true);
    expect(can({ orgKind: 'client', role: 'admin' }, 'companies.manage')).toBe(false);
  });

  it('support users reach no work orders', () => {
    expect(can({ orgKind: 'client', role: 'support' }, 'work_orders.read')).toBe(false);
    expect(can({ orgKind: 'contractor', role: 'support' }, 'work_orders.read')).toBe(false);
    expect(can({ orgKind: 'contractor', role: 'technician' }, 'work_orders.read')).toBe(true);
  });

  it('is the domain.md table row by row: who may order, handle, work on assigned orders and read', () => {
    const who = (capability: Capability) =>
      Object.entries(roleTable)
        .flatMap(([kind, roles]) =>
          Object.keys(roles)
            .filter((role) => can({ orgKind: kind as never, role: role as never }, capability))
            .map((role) => `${kind} ${role}`),
        )
        .sort();
    // client coordinator: create, dispatch, cancel, reopen, answer, message, mark invoiced.
    expect(who('work_orders.order')).toEqual(['client admin', 'client coordinator']);
    // contractor manager: all the company's orders: accept, decline, assign, status, complete, invoice.
    expect(who('work_orders.handle')).toEqual(['contractor admin', 'contractor manager']);
    // contractor technician: only orders assigned to them.
    expect(who('work_orders.work_assigned')).toEqual(['contractor technician']);
    // client viewer: read.
    expect(who('work_orders.read')).toEqual([
      'client admin',
      'client coordinator',
      'client viewer',
      'contractor admin',
      'contractor manager',
      'contractor technician',
    ]);
    // Notes, messages, questions: not viewers, not support.
    expect(who('work_orders.write')).toEqual([
      'client admin',
      'client coordinator',
      'contractor admin',
      'contractor manager',
      'contractor technician',
    ]);
    // security.md 19: technicians see no invoicing details.
    expect(who('invoicing.read')).not.toContain('contractor technician');
    // client admin: everything of the client, incl. agreements and the property register.
    expect(who('agreements.write')).toEqual(['client admin']);
    expect(who('register.write')).toEqual(['client admin']);
    // operator admin: organisations.
    expect(who('companies.manage')).toEqual(['operator admin']);
  });

  it('support users may do nothing but support (tickets are their only pages)', () => {
    expect(roleTable.client.support).toEqual([]);
    expect(roleTable.contractor.support).toEqual([]);
  });

  it('a role must exist for the kind of company', () => {
    expect(roleFitsOrg('contractor', 'technician')).toBe(true);
    expect(roleFitsOrg('contractor', 'coordinator')).toBe(false);
    expect(roleFitsOrg('client', 'manager')).toBe(false);
    expect(roleFitsOrg('operator', 'support')).toBe(false);
  });
});

describe('organisation numbers', () => {
  it('are stored as NNNNNN-NNNN whatever the input form', () => {
    expect(normaliseOrgNumber('5560160680')).toBe('556016-0680');
    expect(normaliseOrgNumber(' 556016-0680 ')).toBe('556016-0680');
  });

  it('a wrong check digit, letters or a wrong length are refused', () => {
    expect(normaliseOrgNumber('556016-0681')).toBeNull();
    expect(normaliseOrgNumber('55601606')).toBeNull();
    expect(normaliseOrgNumber('abcdef-ghij')).toBeNull();
  });
});
