/**
 * Two real server processes (`node --import tsx server/main.ts`, as in production but from the
 * source) on one PostgreSQL database, as behind a load balancer: same PUBLIC_URL, both running the
 * outbox worker, each with its own port and DATA_DIR.
 *
 * Runs only with TEST_DATABASE_URL: two processes cannot share an embedded PGlite (it lives in one
 * process), so on the embedded database there is nothing to test — one instance is all it supports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../contract/work-orders.ts';
import { makeWorld, orderInput } from '../testing/factories.ts';
import { startSmtpServer } from '../testing/smtp.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { systemClock } from './clock.ts';
import { type DatabaseHandle, queryRows } from './db.ts';
import { enqueueMail, newMessageId } from './mail/mail.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The address users reach, in front of both instances; the Origin a browser would send. */
const PUBLIC_URL = 'http://ordning.test';

type Instance = {
  name: 'A' | 'B';
  base: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
};

/** Every child started, so none outlives the test even when the other failed to start. */
const spawned: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function startInstance(name: 'A' | 'B', env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ordning-instance-${name}-`));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let output = '';
  child.stdout!.on('data', (c) => {
    output += c;
  });
  child.stderr!.on('data', (c) => {
    output += c;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const instance = { name, base: `http://127.0.0.1:${port}`, child, output: () => output, exited };
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited at start:\n${output}`);
    const ok = await fetch(`${instance.base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return instance;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`instance ${name} did not answer /api/health within 45 s:\n${output}`);
}

async function stopInstance(instance: Instance | undefined): Promise<number | null> {
  if (!instance || instance.child.exitCode !== null) return instance?.child.exitCode ?? null;
  instance.child.kill('SIGTERM');
  const code = await Promise.race([
    instance.exited,
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000)),
  ]);
  if (code === 'timeout') {
    instance.child.kill('SIGKILL');
    return null;
  }
  return code;
}

/** A request as the browser makes it: the session cookie, and for writes the public Origin. */
async function call(
  instance: Instance,
  method: string,
  url: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${instance.base}${url}`, {
    method,
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(method === 'GET' ? {} : { origin: PUBLIC_URL }),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    setCookie: res.headers.get('set-cookie'),
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

async function logIn(instance: Instance, user: { username: string; password: string }) {
  const res = await call(instance, 'POST', '/api/session', {
    body: { login: user.username, password: user.password },
  });
  if (res.status !== 200)
    throw new Error(`login on ${instance.name}: ${res.status} ${JSON.stringify(res.json)}`);
  const cookie = res.setCookie!.split(';')[0]!;
  expect(cookie).toMatch(/^ordning_session=/);
  return cookie;
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The job ids an instance's worker finished, from its debug log. */
function jobsDoneBy(instance: Instance): string[] {
  return instance
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; jobId?: string })
    .filter((entry) => entry.msg === 'job done' && entry.jobId)
    .map((entry) => entry.jobId!);
}

describe.runIf(process.env.TEST_DATABASE_URL)('two app instances on one PostgreSQL database', () => {
  let database: DatabaseHandle & { url: string | null };
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let a: Instance | undefined;
  let b: Instance | undefined;
  let coordinator: string;
  let manager: string;

  const both = () => [a!, b!] as const;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    database = await openTestDatabase();
    world = await makeWorld(database.db);
    const env = {
      DATABASE_URL: database.url!,
      DATABASE_POOL_SIZE: '4',
      PUBLIC_URL,
      SMTP_URL: smtp.url,
      // Debug, so each instance's log names the jobs its worker ran.
      LOG_LEVEL: 'debug',
      DEMO_DATA: '0',
      WORKERS: '1',
    };
    [a, b] = await Promise.all([startInstance('A', env), startInstance('B', env)]);
    // Few logins (login is limited per IP and process): each session is then used on both instances.
    [coordinator, manager] = await Promise.all([
      logIn(a, world.users.coordinator),
      logIn(b, world.users.manager),
    ]);
  }, 90_000);

  afterAll(async () => {
    const codes = await Promise.all([stopInstance(a), stopInstance(b)]);
    for (const child of spawned)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await smtp?.close();
    await database?.close();
    // A clean exit on SIGTERM: each instance finished its work and closed its pool.
    expect(codes).toEqual([0, 0]);
  }, 60_000);

  async function dispatchedOrder(on: Instance, description: string): Promise<WorkOrder> {
    const res = await call(on, 'POST', `/api/orgs/${world.client.id}/work-orders`, {
      cookie: coordinator,
      body: orderInput({ contractorOrgId: world.contractor.id, description, phrase: description }),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json as unknown as WorkOrder;
  }

  it('a session made on one instance works on the other, and logging out on one ends it on both', async () => {
    for (const instance of both()) {
      const me = await call(instance, 'GET', '/api/me', { cookie: coordinator });
      expect(me.status).toBe(200);
      expect(me.json).toMatchObject({ username: world.users.coordinator.username });
    }
    // The manager logged in on B; A knows that session too (the races below also write with it on A).
    const inbox = await call(a!, 'GET', `/api/orgs/${world.contractor.id}/work-orders`, { cookie: manager });
    expect(inbox.status).toBe(200);

    const viewer = await logIn(a!, world.users.viewer);
    expect((await call(b!, 'GET', '/api/me', { cookie: viewer })).status).toBe(200);
    expect((await call(b!, 'DELETE', '/api/session', { cookie: viewer })).status).toBe(204);
    for (const instance of both()) {
      expect((await call(instance, 'GET', '/api/me', { cookie: viewer })).status).toBe(401);
    }
  });

  it('each new-order mail is delivered exactly once while both instances run the outbox', async () => {
    // A slow relay: a worker busy with its batch leaves the rest to the other instance's worker.
    smtp.state.delayMs = 120;
    const count = 12;
    const orders = await Promise.all(
      Array.from({ length: count }, (_, i) => dispatchedOrder(i % 2 === 0 ? a! : b!, `Mejlprov ${i + 1}`)),
    );
    // Created on both instances at once, the orders still get distinct numbers without gaps.
    const sorted = orders.map((o) => o.number).sort((x, y) => x - y);
    expect(sorted).toEqual(Array.from({ length: count }, (_, i) => sorted[0]! + i));
    const numbers = new Set(sorted);
    // Each order mails the contractor's administrator and manager (Swedish and English).
    const recipients = [world.users.contractorAdmin.email, world.users.manager.email].sort();
    const newOrderMails = () =>
      smtp.received.filter((m) => {
        const match = /^(?:Ny arbetsorder|New work order) (\d+) /.exec(m.parsed.subject ?? '');
        return match && numbers.has(Number(match[1]));
      });
    await waitFor(() => newOrderMails().length >= count * recipients.length, 'the new-order mails');
    const ids = orders.map((o) => o.id);
    // Until every job is marked done (after its delivery), and then one more poll of both workers.
    await waitFor(async () => {
      const [row] = await queryRows<{ open: number }>(
        database.db,
        sql`select count(*)::int as open from jobs where status <> 'done'
            and payload->'context'->>'workOrderId' in ${ids}`,
      );
      return row!.open === 0;
    }, 'the mail jobs to be done');
    smtp.state.delayMs = 0;
    await new Promise((r) => setTimeout(r, 1500));

    const mails = newOrderMails();
    expect(mails).toHaveLength(count * recipients.length);
    expect(new Set(mails.map((m) => m.parsed.messageId)).size).toBe(mails.length);
    for (const order of orders) {
      const to = mails
        .filter((m) => m.parsed.subject?.includes(` ${order.number} `))
        .flatMap((m) => m.envelopeTo)
        .sort();
      expect(to, `order ${order.number}`).toEqual(recipients);
    }

    const jobRows = await queryRows<{ id: string; status: string; attempts: number }>(
      database.db,
      sql`select id, status, attempts from jobs
          where kind = 'mail.send' and payload->'context'->>'workOrderId' in ${ids}`,
    );
    expect(jobRows).toHaveLength(count * recipients.length);
    expect(jobRows.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    // One "mail sent" line per mail in the orders' logs: each job was marked done once.
    const [sent] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from work_order_events where type = 'mail_sent' and work_order_id in ${ids}`,
    );
    expect(sent!.n).toBe(count * recipients.length);

    // Both workers took part, and no job was run by both.
    const byA = jobsDoneBy(a!);
    const byB = jobsDoneBy(b!);
    const mine = new Set(jobRows.map((j) => j.id));
    const doneA = byA.filter((id) => mine.has(id));
    const doneB = byB.filter((id) => mine.has(id));
    expect(doneA.length).toBeGreaterThan(0);
    expect(doneB.length).toBeGreaterThan(0);
    expect(doneA.length + doneB.length).toBe(jobRows.length);
    expect(new Set([...doneA, ...doneB]).size).toBe(jobRows.length);
  }, 45_000);

  it('both workers claiming at the same instant still deliver each queued mail exactly once', async () => {
    const count = 40;
    const subjects = Array.from({ length: count }, (_, i) => `Utskick ${i + 1} av ${count}`);
    // The jobs are queued while the table is locked, so both workers' next polls wait on the lock
    // and claim the moment it is released: their claims meet, as under real load.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table jobs in access exclusive mode`);
      for (const subject of subjects) {
        await enqueueMail(tx, systemClock, {
          message: {
            to: ['utskick@test.example'],
            subject,
            text: subject,
            html: `<p>${subject}</p>`,
            messageId: newMessageId(PUBLIC_URL),
          },
        });
      }
      await waitFor(async () => {
        const [row] = await queryRows<{ waiting: number }>(
          database.db,
          sql`select count(distinct pid)::int as waiting from pg_locks
              where relation = 'jobs'::regclass and not granted`,
        );
        return row!.waiting >= 2;
      }, 'both workers to wait for the jobs table');
    });
    const delivered = () => smtp.received.filter((m) => m.parsed.subject?.startsWith('Utskick '));
    await waitFor(() => delivered().length >= count, 'the queued mail to be delivered');
    await waitFor(async () => {
      const [row] = await queryRows<{ open: number }>(
        database.db,
        sql`select count(*)::int as open from jobs
            where status <> 'done' and payload->'message'->>'subject' like 'Utskick %'`,
      );
      return row!.open === 0;
    }, 'the queued jobs to be done');
    // One more poll of both workers: nothing comes twice.
    await new Promise((r) => setTimeout(r, 1500));

    expect(
      delivered()
        .map((m) => m.parsed.subject)
        .sort(),
    ).toEqual([...subjects].sort());
    const rows = await queryRows<{ id: string; attempts: number }>(
      database.db,
      sql`select id, attempts from jobs where payload->'message'->>'subject' like 'Utskick %'`,
    );
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    const mine = new Set(rows.map((r) => r.id));
    const doneA = jobsDoneBy(a!).filter((id) => mine.has(id));
    const doneB = jobsDoneBy(b!).filter((id) => mine.has(id));
    expect(doneA.length).toBeGreaterThan(0);
    expect(doneB.length).toBeGreaterThan(0);
    expect(doneA.length + doneB.length).toBe(count);
  }, 45_000);

  it('a create retried with the same Idempotency-Key on the other instance at once makes one order', async () => {
    for (let round = 0; round < 3; round++) {
      const description = `Dubbelklick ${round}`;
      const key = `instances-${round}-${Date.now()}`;
      const body = orderInput({ contractorOrgId: world.contractor.id, description, phrase: description });
      const answers = await Promise.all(
        both().map((instance) =>
          call(instance, 'POST', `/api/orgs/${world.client.id}/work-orders`, {
            cookie: coordinator,
            body,
            headers: { 'idempotency-key': key },
          }),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual([201, 201]);
      expect(answers[0]!.json!.id).toBe(answers[1]!.json!.id);
      const [row] = await queryRows<{ orders: number; jobs: number }>(
        database.db,
        sql`select (select count(*)::int from work_orders where description = ${description}) as orders,
                   (select count(*)::int from jobs where payload->'context'->>'workOrderId' = ${answers[0]!.json!.id as string}) as jobs`,
      );
      // One order, and its two new-order mails queued once.
      expect(row).toEqual({ orders: 1, jobs: 2 });
    }
  });

  /**
   * Fires the given moves of one order at once, alternating between the instances, and checks that
   * exactly one won, the others were refused with `loserStatus`, and the order took exactly one step.
   */
  async function race(args: {
    moves: { to: 'accepted' | 'declined'; reason?: string }[];
    ifMatch: boolean;
    loserStatus: 409 | 412;
    round: number;
  }) {
    const order = await dispatchedOrder(a!, `Kapplöpning ${args.round}`);
    const read = await call(b!, 'GET', `/api/orgs/${world.contractor.id}/work-orders/${order.id}`, {
      cookie: manager,
    });
    expect(read.status).toBe(200);
    const version = (read.json as unknown as WorkOrder).version;
    expect(read.etag).toBe(`"${version}"`);

    const answers = await Promise.all(
      args.moves.map((move, i) =>
        call(
          (i + args.round) % 2 === 0 ? a! : b!,
          'POST',
          `/api/orgs/${world.contractor.id}/work-orders/${order.id}/transitions`,
          {
            cookie: manager,
            body: move,
            headers: args.ifMatch ? { 'if-match': read.etag! } : {},
          },
        ),
      ),
    );
    const winners = answers.flatMap((res, i) => (res.status === 200 ? [{ res, move: args.moves[i]! }] : []));
    expect(
      answers.map((r) => r.status).sort(),
      answers.map((r, i) => `${args.moves[i]!.to}: ${r.status} ${r.json?.code ?? ''}`).join(', '),
    ).toEqual([200, ...Array(args.moves.length - 1).fill(args.loserStatus)]);
    const winner = winners[0]!;
    expect(winner.res.etag).toBe(`"${version + 1}"`);
    for (const loser of answers.filter((r) => r.status !== 200)) {
      expect(loser.json).toMatchObject({
        status: args.loserStatus,
        code: args.loserStatus === 412 ? 'request.stale' : 'work_orders.invalid_transition',
      });
    }

    // What both instances now read: the winner's status, one version further, one status event.
    for (const instance of both()) {
      const after = await call(instance, 'GET', `/api/orgs/${world.contractor.id}/work-orders/${order.id}`, {
        cookie: manager,
      });
      const current = after.json as unknown as WorkOrder;
      expect(current.status).toBe(winner.move.to);
      expect(after.etag).toBe(`"${version + 1}"`);
    }
    const events = await queryRows<{ from_status: string; to_status: string }>(
      database.db,
      sql`select from_status, to_status from work_order_events
          where work_order_id = ${order.id} and type = 'status_changed'`,
    );
    expect(events).toEqual([{ from_status: 'new', to_status: winner.move.to }]);
    const [row] = await queryRows<{ version: number; status: string }>(
      database.db,
      sql`select version, status from work_orders where id = ${order.id}`,
    );
    expect(row).toEqual({ version: version + 1, status: winner.move.to });
  }

  const acceptOrDecline = [
    { to: 'accepted' as const },
    { to: 'declined' as const, reason: 'Ingen kapacitet denna vecka' },
  ];

  it('concurrent moves of one order with the same If-Match leave one winner and 412 for the rest', async () => {
    for (let round = 0; round < 5; round++) {
      await race({ moves: [...acceptOrDecline, ...acceptOrDecline], ifMatch: true, loserStatus: 412, round });
    }
  }, 45_000);

  it('concurrent moves of one order without If-Match leave one winner and 409 for the rest', async () => {
    // The row lock makes the later move see the new status, which the status machine refuses.
    for (let round = 0; round < 5; round++) {
      await race({
        moves: [...acceptOrDecline, ...acceptOrDecline],
        ifMatch: false,
        loserStatus: 409,
        round,
      });
    }
  }, 45_000);
});
