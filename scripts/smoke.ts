/**
 * Starts the built server as `npm start` does (node dist/server/main.js), checks that the portal
 * answers and a demo user can log in and see orders (the inbox drawn on the server), then sends
 * SIGTERM and expects a clean exit.
 * With --postgres <url> it does the same on a throwaway database on that server, with --demo.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const pgIndex = process.argv.indexOf('--postgres');
const serverUrl = pgIndex > 0 ? process.argv[pgIndex + 1] : undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function fail(message: string): never {
  console.error(`smoke test failed: ${message}`);
  process.exit(1);
}

const port = await freePort();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-smoke-'));
const env: Record<string, string> = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
} as Record<string, string>;
const args = ['dist/server/main.js'];
let dbName: string | undefined;
if (serverUrl) {
  dbName = `ordning_smoke_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  env.DATABASE_URL = url.toString();
  args.push('--demo');
}

const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
child.stdout.on('data', (c) => {
  output += c;
});
child.stderr.on('data', (c) => {
  output += c;
});
const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

const base = `http://127.0.0.1:${port}`;
try {
  const deadline = Date.now() + 90_000;
  let health: { database?: string } | undefined;
  while (Date.now() < deadline) {
    health = await fetch(`${base}/api/health`)
      .then((r) => r.json() as Promise<{ database: string }>)
      .catch(() => undefined);
    if (health) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  if (!health) fail(`the server did not answer within 90 s\n${output}`);
  if (health.database !== (serverUrl ? 'postgres' : 'embedded'))
    fail(`wrong database: ${JSON.stringify(health)}`);
  if (!output.includes('DEMO LOGINS')) fail(`the demo logins were not printed\n${output}`);

  const page = await fetch(`${base}/orgs/x/work-orders`);
  if (!(await page.text()).includes('<div id="root">')) fail('the web app is not served');

  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'entreprenor', password: 'ordning-demo-2026' }),
  });
  if (login.status !== 200) fail(`demo login answered ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await login.json()) as { memberships: { orgId: string }[] };
  const list = await fetch(`${base}/api/orgs/${me.memberships[0]!.orgId}/work-orders`, {
    headers: { cookie },
  });
  const { total } = (await list.json()) as { total: number };
  if (!(total > 0)) fail('the demo contractor sees no orders');
  // The built server draws the inbox with its own build of the web app (decision 0020).
  const inbox = await fetch(`${base}/orgs/${me.memberships[0]!.orgId}/work-orders`, { headers: { cookie } });
  if (!(await inbox.text()).includes('id="ordning-drawn"')) fail('the inbox was not drawn on the server');
  console.log(
    `smoke test: ${health.database} database, demo contractor sees ${total} active orders, the inbox drawn on the server`,
  );
} finally {
  child.kill('SIGTERM');
  // The timer must not hold the script open for its 30 s once the server has exited.
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    exited,
    new Promise<'timeout'>((r) => {
      timer = setTimeout(() => r('timeout'), 30_000);
    }),
  ]);
  clearTimeout(timer);
  if (dbName && serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (code !== 0) fail(`after SIGTERM the server exited with ${code}\n${output}`);
  console.log('smoke test: SIGTERM gave a clean exit');
}
