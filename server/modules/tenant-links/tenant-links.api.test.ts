import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import type { MailJobPayload } from '../../platform/mail/mail.ts';
import { createOrderViaApi, login, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const clock = fixedClock('2026-05-05T08:00:00Z');
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<'coordinator' | 'manager', string>;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { PUBLIC_URL: 'https://ordning.example' } });
  world = await makeWorld(t.database.db);
  cookies.coordinator = await login(t.app, world.users.coordinator);
  cookies.manager = await login(t.app, world.users.manager);
});
afterAll(() => t.close());

const tokenOf = (url: string) => url.split('/t/')[1]!;

describe('the tenant link', () => {
  it('lets the reporter follow the order and propose visit times, without an account', async () => {
    const order = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: {
        reporter: {
          name: 'Karin Sjöberg',
          email: 'karin@example.se',
          phones: [{ kind: 'home', number: '070-174 06 18' }],
        },
      },
    });
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}/tenant-link`,
      headers: { cookie: cookies.coordinator },
      payload: { send: true },
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      url: expect.stringMatching(/^https:\/\/ordning\.example\/t\/[A-Za-z0-9_-]{43}$/),
      sentTo: 'karin@example.se',
    });
    const mails = await t.database.db
      .select()
      .from(jobs)
      .where(sql`${jobs.payload}->'message'->'to'->>0 = 'karin@example.se'`);
    expect((mails[0]!.payload as MailJobPayload).message.text).toContain(made.json().url);

    // What the contractor marks for the tenant shows; internal and shared notes do not.
    for (const visibility of ['tenant', 'internal', 'shared']) {
      await t.app.inject({
        method: 'POST',
        url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/notes`,
        headers: { cookie: cookies.manager },
        payload: { event: 'information', text: `Notering ${visibility}`, visibility },
      });
    }
    const token = tokenOf(made.json().url);
    const view = await t.app.inject({ url: `/api/tenant-links/${token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      number: order.number,
      status: 'new',
      contractorName: world.contractor.name,
    });
    expect(view.json().events.map((e: { text: string }) => e.text)).toEqual(['Notering tenant']);

    const proposed = await t.app.inject({
      method: 'POST',
      url: `/api/tenant-links/${token}/proposals`,
      payload: { times: [{ date: '2026-05-07', from: '08:00', to: '12:00' }], text: 'Ring innan' },
    });
    expect(proposed.statusCode).toBe(201);
    const log = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/events?type=tenant_proposal`,
      headers: { cookie: cookies.manager },
    });
    expect(log.json().items[0].data).toEqual({ times: ['2026-05-07 08:00–12:00'], text: 'Ring innan' });
    // The reporter sees what they proposed, with the times, beside the notes meant for them.
    const after = await t.app.inject({ url: `/api/tenant-links/${token}` });
    expect(after.json().events).toHaveLength(2);
    expect(after.json().events).toEqual(
      expect.arrayContaining([
        {
          type: 'tenant_proposal',
          text: 'Ring innan',
          times: ['2026-05-07 08:00–12:00'],
          createdAt: expect.any(String),
        },
        { type: 'note', text: 'Notering tenant', times: null, createdAt: expect.any(String) },
      ]),
    );
  });

  it('reaches nothing with a wrong token, and stops 30 days after the order is closed', async () => {
    expect(
      (await t.app.inject({ url: '/api/tenant-links/not-a-real-token-at-all-xxxxxxxx' })).statusCode,
    ).toBe(404);
    const order = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/tenant-link`,
      headers: { cookie: cookies.manager },
      payload: {},
    });
    const token = tokenOf(made.json().url);
    await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/transitions`,
      headers: { cookie: cookies.manager },
      payload: { to: 'declined', reason: 'Nej' },
    });
    clock.advance(30 * 24 * 3600_000 - 60_000);
    expect((await t.app.inject({ url: `/api/tenant-links/${token}` })).statusCode).toBe(200);
    clock.advance(120_000);
    expect((await t.app.inject({ url: `/api/tenant-links/${token}` })).statusCode).toBe(404);
  });

  it('is rate-limited per address', async () => {
    let last = 0;
    for (let i = 0; i < 61; i++) {
      last = (
        await t.app.inject({
          url: '/api/tenant-links/not-a-real-token-at-all-xxxxxxxx',
          remoteAddress: '198.51.100.7',
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });

  it('cannot be sent to a reporter without an e-mail address', async () => {
    // The clock moved a month in the test before: log in again.
    cookies.coordinator = await login(t.app, world.users.coordinator);
    const order = await createOrderViaApi(t.app, {
      cookie: cookies.coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}/tenant-link`,
      headers: { cookie: cookies.coordinator },
      payload: { send: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('send');
  });
});
