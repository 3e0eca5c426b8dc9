import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaRules } from '../../../contract/agreements.values.ts';
import { stockholmDate } from '../../platform/dates.ts';
import { queryRows } from '../../platform/db.ts';
import { login } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { slaDates } from '../agreements/agreements.sla.ts';
import { DEMO_PASSWORD, demoOrders, demoUsers } from './demo.data.ts';
import { demoBanner, seedDemoIfWanted } from './demo.seed.ts';

let t: TestApp;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo', () => {
  it('is not created on a server database unless asked for', async () => {
    const state = await seedDemoIfWanted({
      db: t.database.db,
      kind: 'postgres',
      wanted: 'auto',
      publicUrl: 'http://x',
      log,
    });
    expect(state).toBe('absent');
  });

  it('is created on an empty embedded database, with orders in every status for both contractors', async () => {
    const state = await seedDemoIfWanted({
      db: t.database.db,
      kind: 'embedded',
      wanted: 'auto',
      publicUrl: 'http://x',
      log,
    });
    expect(state).toBe('seeded');
    const rows = await queryRows<{ status: string; contractor: string; n: number }>(
      t.database.db,
      sql`select w.status, coalesce(o.name, '') as contractor, count(*)::int as n
          from work_orders w left join organizations o on o.id = w.contractor_org_id group by 1, 2`,
    );
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    expect(total).toBe(demoOrders.length);
    expect(total).toBeGreaterThanOrEqual(30);
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set([
        'draft',
        'new',
        'accepted',
        'material_ordered',
        'reporter_unreachable',
        'done',
        'declined',
        'invoiced',
        'cancelled',
      ]),
    );
    expect(new Set(rows.map((r) => r.contractor))).toEqual(new Set(['Exempel Rör AB', 'Snabbfix El AB']));
  });

  it('is not created twice, and is reported as present', async () => {
    const state = await seedDemoIfWanted({
      db: t.database.db,
      kind: 'embedded',
      wanted: 'auto',
      publicUrl: 'http://x',
      log,
    });
    expect(state).toBe('present');
  });

  it('lets each of the four demo users log in with the printed password', async () => {
    for (const user of demoUsers) {
      const cookie = await login(t.app, { username: user.username, password: DEMO_PASSWORD });
      const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
      expect(me.json().memberships).toHaveLength(1);
    }
    const banner = demoBanner('http://localhost:3000');
    for (const user of demoUsers) expect(banner).toContain(user.username);
    expect(banner).toContain(DEMO_PASSWORD);
  });

  it('gives the technician some assigned orders, and the contractor new ones to accept', async () => {
    const tech = await login(t.app, { username: 'tekniker', password: DEMO_PASSWORD });
    const me = (await t.app.inject({ url: '/api/me', headers: { cookie: tech } })).json();
    const orgId = me.memberships[0].orgId;
    const mine = await t.app.inject({
      url: `/api/orgs/${orgId}/work-orders?view=all`,
      headers: { cookie: tech },
    });
    expect(mine.json().total).toBeGreaterThanOrEqual(3);
    const admin = await login(t.app, { username: 'entreprenor', password: DEMO_PASSWORD });
    const fresh = await t.app.inject({
      url: `/api/orgs/${orgId}/work-orders?status=new`,
      headers: { cookie: admin },
    });
    expect(fresh.json().total).toBeGreaterThanOrEqual(2);
  });

  it('has a bundle of two new orders on one object, for trying "accept the bundle"', async () => {
    const rows = await queryRows<{ bundle_number: string; n: number }>(
      t.database.db,
      sql`select bundle_number, count(*)::int as n from work_orders
          where status = 'new' and bundle_number like '64010765-%' group by 1`,
    );
    expect(rows).toEqual([{ bundle_number: expect.stringMatching(/^64010765-\d{8}$/), n: 2 }]);
  });

  it('has a register of some three hundred apartments, and orders with SLA dates from the agreements', async () => {
    const [counts] = await queryRows<{
      objects: number;
      tenants: number;
      units: number;
      linked: number;
      dated: number;
      sent: number;
    }>(
      t.database.db,
      sql`select (select count(*)::int from register_objects) as objects,
                 (select count(*)::int from tenants) as tenants,
                 (select count(*)::int from units) as units,
                 (select count(*)::int from work_orders where object_id is not null) as linked,
                 (select count(*)::int from work_orders where deliver_by is not null) as dated,
                 (select count(*)::int from work_orders where ordered_at is not null) as sent`,
    );
    expect(counts!.objects).toBeGreaterThanOrEqual(300);
    expect(counts!.tenants).toBe(counts!.objects);
    expect(counts!.units).toBeGreaterThan(counts!.objects * 5);
    expect(counts!.linked).toBe(demoOrders.length);
    expect(counts!.dated).toBe(counts!.sent);
  });

  it('dates every sent order as its own agreement says, to the day', async () => {
    const rows = await queryRows<{
      number: number;
      priority: string;
      ordered_at: Date;
      contact_by: string | null;
      deliver_by: string | null;
      sla_rules: SlaRules;
    }>(
      t.database.db,
      sql`select w.number, w.priority, w.ordered_at, w.contact_by::text, w.deliver_by::text, a.sla_rules
          from work_orders w
          join agreements a on a.client_org_id = w.client_org_id and a.contractor_org_id = w.contractor_org_id
          where w.ordered_at is not null`,
    );
    expect(rows.length).toBe(demoOrders.filter((o) => o.status !== 'draft').length);
    // The two agreements differ, so an order dated by the wrong one would show here.
    expect(new Set(rows.map((r) => JSON.stringify(r.sla_rules))).size).toBe(2);
    for (const row of rows) {
      const expected = slaDates(row.sla_rules, row.priority, stockholmDate(new Date(row.ordered_at)));
      expect({ number: row.number, contactBy: row.contact_by, deliverBy: row.deliver_by }).toEqual({
        number: row.number,
        ...expected,
      });
    }
  });

  it('keeps the new-order mail only for orders still waiting', async () => {
    const rows = await queryRows<{ status: string }>(
      t.database.db,
      sql`select w.status from jobs j join work_orders w on w.id = (j.payload->'context'->>'workOrderId')::uuid`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'new')).toBe(true);
  });
});
