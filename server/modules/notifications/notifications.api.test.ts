import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { claimDailyRun } from '../../platform/housekeeping.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import type { MailJobPayload } from '../../platform/mail/mail.ts';
import { createOrderViaApi, login, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { updateWorkOrder } from '../work-orders/work-orders.repository.ts';
import { sendDigests } from './notifications.ts';
import { sendOverdueReminders } from './overdue.ts';

const clock = fixedClock('2026-04-07T05:00:00Z');
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<'coordinator' | 'manager' | 'contractorAdmin' | 'clientAdmin', string>;

beforeAll(async () => {
  t = await createTestApp({ clock, worker: { baseBackoffMs: 1000, maxBackoffMs: 1000 } });
  world = await makeWorld(t.database.db);
  for (const name of ['coordinator', 'manager', 'contractorAdmin', 'clientAdmin'] as const)
    cookies[name] = await login(t.app, world.users[name]);
});
afterAll(() => t.close());

async function pendingMailTo(email: string) {
  const rows = await t.database.db.select().from(jobs).where(eq(jobs.status, 'pending'));
  return rows.map((r) => (r.payload as MailJobPayload).message).filter((m) => m.to.includes(email));
}

async function drain() {
  await t.database.db.delete(jobs);
}

describe('notification settings', () => {
  it('a user turns off a kind of mail, or asks for a daily digest instead', async () => {
    await drain();
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/me/notifications',
      headers: { cookie: cookies.manager },
      payload: { off: ['new_order'], digest: false },
    });
    expect(put.json()).toEqual({ off: ['new_order'], digest: false });
    await t.app.inject({
      method: 'PUT',
      url: '/api/me/notifications',
      headers: { cookie: cookies.contractorAdmin },
      payload: { off: [], digest: true },
    });
    const order = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    expect(await pendingMailTo(world.users.manager.email)).toHaveLength(0);
    expect(await pendingMailTo(world.users.contractorAdmin.email)).toHaveLength(0);

    const { sent } = await sendDigests({
      db: t.database.db,
      clock,
      publicUrl: 'https://o.example',
      before: new Date(clock.now().getTime() + 1),
    });
    expect(sent).toBe(1);
    const [digest] = await pendingMailTo(world.users.contractorAdmin.email);
    expect(digest!.subject).toBe('Ordning: 1 händelse sedan sist');
    expect(digest!.text).toContain(`Ny arbetsorder ${order.number}`);
    // Sent once: a second run finds nothing.
    expect((await sendDigests({ db: t.database.db, clock, publicUrl: 'https://o.example' })).sent).toBe(0);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/me/notifications',
      headers: { cookie: cookies.manager },
      payload: { off: ['everything'], digest: false },
    });
    expect(bad.statusCode).toBe(400);
    await t.app.inject({
      method: 'PUT',
      url: '/api/me/notifications',
      headers: { cookie: cookies.manager },
      payload: { off: [], digest: false },
    });
    await t.app.inject({
      method: 'PUT',
      url: '/api/me/notifications',
      headers: { cookie: cookies.contractorAdmin },
      payload: { off: [], digest: false },
    });
  });
});

describe('the morning reminder of overdue orders', () => {
  it('gives each contractor manager one mail listing the overdue orders, once a day', async () => {
    await drain();
    const late = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    await updateWorkOrder(t.database.db, late.id, { deliverBy: '2026-04-01' });
    await drain();
    expect(await claimDailyRun(t.database.db, 'morning-mail', '2026-04-07')).toBe(true);
    expect(await claimDailyRun(t.database.db, 'morning-mail', '2026-04-07')).toBe(false);
    const result = await sendOverdueReminders({ db: t.database.db, clock, publicUrl: 'https://o.example' });
    expect(result.mails).toBe(2);
    const [mail] = await pendingMailTo(world.users.manager.email);
    expect(mail!.subject).toMatch(/overdue work orders$/); // the manager reads English
    expect(mail!.text).toContain(`WO ${late.number}`);
    expect(mail!.text).toContain('deliver-by 2026-04-01');
  });
});

describe('mail that could not be delivered', () => {
  it('is listed for the company’s administrators, and can be sent again with the same Message-ID', async () => {
    await drain();
    const order = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    const [job] = await t.database.db.select().from(jobs).where(eq(jobs.status, 'pending'));
    await t.database.db
      .update(jobs)
      .set({ status: 'failed', attempts: 8, lastError: '550 No such user' })
      .where(eq(jobs.id, job!.id));
    const list = await t.app.inject({
      url: `/api/orgs/${world.client.id}/failed-mail`,
      headers: { cookie: cookies.clientAdmin },
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: job!.id, error: '550 No such user', workOrderId: order.id }),
    ]);
    expect(
      (
        await t.app.inject({
          url: `/api/orgs/${world.client.id}/failed-mail`,
          headers: { cookie: cookies.coordinator },
        })
      ).statusCode,
    ).toBe(403);
    const other = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/failed-mail`,
      headers: { cookie: await login(t.app, world.users.otherAdmin) },
    });
    expect(other.json().items).toEqual([]);
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/failed-mail/${job!.id}/resend`,
      headers: { cookie: cookies.clientAdmin },
    });
    expect(resend.statusCode).toBe(202);
    const [again] = await t.database.db.select().from(jobs).where(eq(jobs.id, resend.json().jobId));
    expect((again!.payload as MailJobPayload).message.messageId).toBe(
      (job!.payload as MailJobPayload).message.messageId,
    );
    expect(
      (
        await t.app.inject({
          url: `/api/orgs/${world.client.id}/failed-mail`,
          headers: { cookie: cookies.clientAdmin },
        })
      ).json().items,
    ).toEqual([]);
  });

  it('a delivered mail about an order is in its log for the contractor', async () => {
    await drain();
    const order = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    expect(await t.worker.runOnce()).toBe(2);
    const log = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/events?type=mail_sent`,
      headers: { cookie: cookies.manager },
    });
    expect(
      log
        .json()
        .items.map((e: { reason: string }) => e.reason)
        .sort(),
    ).toEqual([world.users.contractorAdmin.email, world.users.manager.email].sort());
  });
});
