import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeWorld, orderInput } from '../testing/factories.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { openDatabase } from './db.ts';
import { jobs } from './jobs/jobs.table.ts';
import { shutDown } from './shutdown.ts';

let dataDir: string;
let t: TestApp;

beforeAll(async () => {
  // A PGlite kept on disk, so the test can restart on the same data, as after a real SIGTERM.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-shutdown-'));
  const database = await openDatabase({ dataDir });
  await database.migrate();
  t = await createTestApp({ database });
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function request(port: number, options: http.RequestOptions, body?: string) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>(
    (resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, ...options }, (res) => {
        let data = '';
        res.on('data', (c) => {
          data += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
      });
      req.on('error', reject);
      if (body !== undefined) req.end(body);
      return req;
    },
  );
}

describe('shutting down on SIGTERM', () => {
  it('finishes the request in flight, refuses new ones with 503, keeps unsent mail for the next start', async () => {
    const world = await makeWorld(t.database.db);
    const cookie = await login(t.app, world.users.coordinator);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;

    // A create request whose body is still on its way when the signal comes.
    const body = JSON.stringify(
      orderInput({ contractorOrgId: world.contractor.id, description: 'Mitt i nedstängningen' }),
    );
    let finishBody!: () => void;
    // Wait for the server to have the request (not a fixed sleep: a busy machine may take a while).
    const arrived = new Promise((resolve) => t.app.server.once('request', resolve));
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/orgs/${world.client.id}/work-orders`,
          headers: { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let data = '';
          res.on('data', (c) => {
            data += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 20));
      finishBody = () => req.end(body.slice(20));
    });
    await arrived;

    const started = Date.now();
    const stopping = shutDown({
      app: t.app,
      drain: t.drain,
      worker: t.worker,
      database: t.database,
      log: t.app.log,
    });
    await new Promise((r) => setTimeout(r, 20));

    // The server is closing: a new connection is refused, or answered 503 if it still got in.
    const late = await request(port, { method: 'GET', path: '/api/health', agent: false }).catch(
      (err) => err,
    );
    if (!(late instanceof Error)) {
      expect(late.status).toBe(503);
      expect(JSON.parse(late.body).code).toBe('server.shutting_down');
    }

    finishBody();
    const done = await inFlight;
    expect(done.status).toBe(201);
    expect(JSON.parse(done.body).description).toBe('Mitt i nedstängningen');
    await stopping;
    expect(Date.now() - started).toBeLessThan(3000);

    // The database was closed cleanly; after a restart the mail for that order is still waiting and goes out.
    const reopened = await openDatabase({ dataDir });
    const restarted = await createTestApp({ database: reopened });
    try {
      const pending = await reopened.db.select().from(jobs).where(eq(jobs.status, 'pending'));
      expect(pending.length).toBe(2);
      expect(await restarted.worker.runOnce()).toBe(2);
    } finally {
      await restarted.close();
      await reopened.close();
    }
  });

  it('answers new requests on a draining server with a 503 problem', async () => {
    const other = await createTestApp();
    try {
      other.drain.startDraining();
      const res = await other.app.inject({ url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers.connection).toBe('close');
      expect(res.json().code).toBe('server.shutting_down');
    } finally {
      await other.close();
    }
  });
});
