import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { createOrderViaApi, login, makeWorld } from '../../testing/factories.ts';
import { startSmtpServer } from '../../testing/smtp.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

const clock = fixedClock('2026-05-04T09:00:00Z');
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
let coordinator: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    clock,
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Ordning <ordning@test.example>',
      PUBLIC_URL: 'https://ordning.test.example',
    },
    worker: { baseBackoffMs: 60_000, maxBackoffMs: 10 * 60_000 },
  });
  world = await makeWorld(t.database.db);
  coordinator = await login(t.app, world.users.coordinator);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('the new-order e-mail', () => {
  it('reaches the contractor’s admins and managers through a real SMTP server, each in their language', async () => {
    smtp.received.length = 0;
    const order = await createOrderViaApi(t.app, {
      cookie: coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
      input: {
        description: 'Kranen droppar <b>hela</b> natten\r\nBcc: evil@example.com',
        phrase: 'Droppande\r\nBcc: evil@example.com',
      },
    });
    expect(await t.worker.runOnce()).toBe(2);
    expect(smtp.received).toHaveLength(2);

    const sv = smtp.received.find((m) => m.envelopeTo.includes(world.users.contractorAdmin.email))!;
    const en = smtp.received.find((m) => m.envelopeTo.includes(world.users.manager.email))!;
    expect(sv.parsed.subject).toBe(
      `Ny arbetsorder ${order.number} från ${world.client.name}: Droppande Bcc: evil@example.com`,
    );
    expect(en.parsed.subject).toMatch(new RegExp(`^New work order ${order.number} from `));
    expect(sv.parsed.from?.value[0]).toMatchObject({ name: 'Ordning', address: 'ordning@test.example' });
    const link = `https://ordning.test.example/orgs/${world.contractor.id}/work-orders/${order.id}`;
    expect(sv.parsed.text).toContain(link);
    expect(sv.parsed.html).toContain(`href="${link}"`);
    expect(sv.parsed.html).toContain('<html lang="sv">');
    expect(en.parsed.html).toContain('<html lang="en">');
    expect(en.parsed.text).toContain('Open the work order');
    // User text never becomes markup or a header.
    expect(sv.parsed.html).toContain('Kranen droppar &lt;b&gt;hela&lt;/b&gt; natten');
    expect(sv.parsed.headers.has('bcc')).toBe(false);
    for (const mail of smtp.received) expect(mail.envelopeTo).not.toContain('evil@example.com');
    expect(sv.parsed.messageId).toMatch(/@ordning\.test\.example>$/);
    expect(sv.parsed.messageId).not.toBe(en.parsed.messageId);
  });

  it('survives a failing SMTP server: retries with backoff and the same Message-ID, then delivers', async () => {
    smtp.received.length = 0;
    smtp.state.failing = true;
    smtp.state.attempts = 0;
    const order = await createOrderViaApi(t.app, {
      cookie: coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    expect(await t.worker.runOnce()).toBe(2);
    expect(smtp.state.attempts).toBe(2);
    const pending = await t.database.db.select().from(jobs).where(eq(jobs.status, 'pending'));
    expect(pending).toHaveLength(2);
    expect(pending[0]!.lastError).toMatch(/451/);
    expect(pending[0]!.runAt.getTime()).toBe(clock.now().getTime() + 60_000);

    // Not due yet: nothing runs.
    expect(await t.worker.runOnce()).toBe(0);
    smtp.state.failing = false;
    clock.advance(60_000);
    expect(await t.worker.runOnce()).toBe(2);
    expect(smtp.received).toHaveLength(2);
    const queuedIds = pending
      .map((j) => (j.payload as { message: { messageId: string } }).message.messageId)
      .sort();
    expect(smtp.received.map((m) => m.parsed.messageId).sort()).toEqual(queuedIds);
    const page = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}`,
      headers: { cookie: coordinator },
    });
    expect(page.json().events.some((e: { type: string }) => e.type === 'mail_failed')).toBe(false);
  });

  it('gives up after the last attempt and shows "could not be delivered" on the order', async () => {
    smtp.state.failing = true;
    const order = await createOrderViaApi(t.app, {
      cookie: coordinator,
      clientOrgId: world.client.id,
      contractorOrgId: world.contractor.id,
    });
    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await t.worker.runOnce(), `attempt ${attempt}`).toBe(2);
      clock.advance(10 * 60_000);
    }
    expect(await t.worker.runOnce()).toBe(0);
    const failed = await t.database.db.select().from(jobs).where(eq(jobs.status, 'failed'));
    expect(failed).toHaveLength(2);
    expect(failed.every((j) => j.attempts === 8)).toBe(true);

    // An hour and more has passed on the test clock: log in again.
    coordinator = await login(t.app, world.users.coordinator);
    const page = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}`,
      headers: { cookie: coordinator },
    });
    const failures = page.json().events.filter((e: { type: string }) => e.type === 'mail_failed');
    expect(failures.map((e: { reason: string }) => e.reason).sort()).toEqual(
      [world.users.contractorAdmin.email, world.users.manager.email].sort(),
    );
    smtp.state.failing = false;
  });
});
