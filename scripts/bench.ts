/**
 * The benchmark: generated databases of several sizes, the real server against each, loopback load
 * (the API's reads and writes, and the inbox page as the server draws it), and the two anchors for each read (the same SQL straight through the driver; a bare Fastify route
 * with the same bytes). Results go to bench/results/*.json and docs/performance.md.
 *
 *   npm run bench                                  PostgreSQL, 10 000 / 100 000 / 1 000 000 orders
 *   npm run bench -- --sizes 10000,100000          other sizes
 *   npm run bench -- --embedded                    the embedded database (PGlite), 100 000 orders
 *   options: --seconds 10 --connections 4 --regenerate --no-docs
 *
 * On PostgreSQL it uses the server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * and keeps one database per size (ordning_bench_<size>), reused while its generation marker matches.
 */
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { type DatabaseHandle, openDatabase, queryRows, sql } from '../server/platform/db.ts';
import { type Figures, httpLoad } from './bench/measure.ts';
import { probe } from './bench/probe.ts';
import { startBareServer, startServer } from './bench/processes.ts';
import { type SizeResult, writeReport } from './bench/report.ts';
import { newOrderBody, reads } from './bench/scenarios.ts';
import { pickUsers } from './generate/accounts.ts';
import { benchPassword } from './generate/installation.ts';
import { generate } from './generate/run.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    embedded: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    regenerate: { type: 'boolean', default: false },
    'no-docs': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const embedded = values.embedded;
const sizes = (values.sizes ?? (embedded ? '100000' : '10000,100000,1000000'))
  .split(',')
  .map((s) => Number(s.replaceAll('_', '')));
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (sizes.some((n) => !Number.isInteger(n) || n < 100) || !(seconds > 0) || !(connections > 0)) {
  console.error('--sizes are whole numbers ≥ 100, --seconds and --connections positive numbers');
  process.exit(2);
}
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => console.error(line);
const SEED = 1;

function build() {
  log('Building (npm run build)');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A generated database of `orders` orders: reused when its marker says it was made the same way. */
async function database(
  orders: number,
): Promise<{ env: Record<string, string>; open: () => Promise<DatabaseHandle> }> {
  // Schema changes do not call for new data: the server migrates the database when it starts.
  const marker = `ordning-bench orders=${orders} seed=${SEED}`;
  if (embedded) {
    const dataDir = path.join(root, 'bench/data', `embedded-${orders}`);
    const markerFile = path.join(dataDir, 'generated.txt');
    const fresh =
      values.regenerate || !fs.existsSync(markerFile) || fs.readFileSync(markerFile, 'utf8') !== marker;
    const open = () => openDatabase({ dataDir });
    if (fresh) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await fill(await open(), orders);
      fs.writeFileSync(markerFile, marker);
    }
    return { env: { DATA_DIR: dataDir }, open };
  }
  const name = `ordning_bench_${orders}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const [row] = (
      await admin.query(
        `select shobj_description(d.oid, 'pg_database') as marker from pg_database d where datname = $1`,
        [name],
      )
    ).rows as { marker: string | null }[];
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const open = () => openDatabase({ databaseUrl: url.toString(), poolSize: 6 });
    if (values.regenerate || row?.marker !== marker) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      await fill(await open(), orders);
      await admin.query(`comment on database ${name} is '${marker}'`);
    }
    return { env: { DATABASE_URL: url.toString(), DATABASE_POOL_SIZE: '10' }, open };
  } finally {
    await admin.end();
  }
}

async function fill(handle: DatabaseHandle, orders: number) {
  try {
    await handle.migrate();
    const clients = Math.min(40, Math.max(3, Math.round(orders / 40_000)));
    log(`Generating ${orders.toLocaleString('sv-SE')} orders`);
    await generate(handle, {
      options: { orders, clients, contractors: clients * 8, seed: SEED },
      now: new Date(),
      reset: true,
      passwordHash: await hashPassword(benchPassword),
      log,
    });
  } finally {
    await handle.close();
  }
}

async function login(url: string, user: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: user, password: benchPassword }),
  });
  if (!res.ok) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function versions(handle: DatabaseHandle) {
  const [row] = await queryRows<{ v: string }>(handle.db, sql`select version() as v`);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
    } catch {
      return null;
    }
  })();
  return { node: process.version, database: row!.v, ordning: pkg.version, commit };
}

async function runSize(orders: number): Promise<SizeResult> {
  const db = await database(orders);
  const handle = await db.open();
  await handle.migrate();
  let probed: Awaited<ReturnType<typeof probe>>;
  let users: Awaited<ReturnType<typeof pickUsers>>;
  let versionInfo: Awaited<ReturnType<typeof versions>>;
  let since: string;
  let moved = new Map<string, string>();
  const counts: Record<string, number> = {};
  try {
    users = await pickUsers(handle);
    versionInfo = await versions(handle);
    for (const table of ['work_orders', 'work_order_events', 'organizations', 'users', 'register_objects']) {
      const [r] = await queryRows<{ n: number }>(
        handle.db,
        sql.raw(`select count(*)::int as n from ${table}`),
      );
      counts[table] = r!.n;
    }
    // From here on, what the run writes (its sessions, orders, moves) is taken out again after it.
    [{ since }] = (await queryRows<{ since: string }>(handle.db, sql`select now()::text as since`)) as [
      { since: string },
    ];
    log(`${orders.toLocaleString('sv-SE')} orders: database floor (in process)`);
    probed = await probe({ handle, users, connections, seconds, log });
  } finally {
    await handle.close();
  }

  // No outbox worker: the mail queued by earlier runs' writes would share the CPU with the figures.
  const server = await startServer({ ...db.env, LOG_LEVEL: 'info', WORKERS: '0' });
  const results: SizeResult['scenarios'] = {};
  try {
    const cookies = {
      contractor: await login(server.url, users.contractor),
      client: await login(server.url, users.client),
    };
    for (const read of reads) {
      log(`  http: ${read.name}`);
      const app = await httpLoad({
        url: `${server.url}${read.path(probed.ids)}`,
        headers: { cookie: cookies[read.as] },
        expectStatus: 200,
        connections,
        seconds,
      });
      results[read.name] = {
        app,
        floor: probed.floors[read.name]!,
        statements: probed.statements[read.name]!,
      };
    }
    // The same inbox as a phone opens it: the page drawn on the server (decision 0020), its answers
    // asked in-process, rendered and Brotli-compressed — what a full load costs the server.
    const inboxPage = `${server.url}/orgs/${probed.ids.contractorId}/work-orders`;
    const pageHeaders = { cookie: cookies.contractor, 'sec-ch-ua-mobile': '?1', 'accept-encoding': 'br' };
    const sample = await fetch(inboxPage, { headers: pageHeaders });
    if (!(await sample.text()).includes('id="ordning-drawn"'))
      throw new Error('the inbox page was not drawn');
    log('  http: inbox page, drawn on the server');
    results['inbox page'] = {
      app: await httpLoad({ url: inboxPage, headers: pageHeaders, expectStatus: 200, connections, seconds }),
    };
    log('  http: transition');
    const transition = await transitions(server.url, cookies.contractor, probed.ids.contractorId);
    moved = transition.before;
    results.transition = { app: transition.figures };
    log('  http: create');
    // The client sends to a contractor of its own agreements (the busiest contractor may not be one).
    const offered = await fetch(`${server.url}/api/orgs/${probed.ids.clientId}/contractors?type=fault`, {
      headers: { cookie: cookies.client },
    });
    const to = ((await offered.json()) as { items: { id: string }[] }).items[0]!.id;
    let n = 0;
    results.create = {
      app: await httpLoad({
        url: `${server.url}/api/orgs/${probed.ids.clientId}/work-orders`,
        method: 'POST',
        headers: { cookie: cookies.client, 'content-type': 'application/json' },
        next: () => ({ path: `/api/orgs/${probed.ids.clientId}/work-orders`, body: newOrderBody(to, n++) }),
        expectStatus: 201,
        connections,
        seconds,
      }),
    };
  } finally {
    await server.stop();
    await undoWrites(await db.open(), since, moved);
  }

  const bare = await startBareServer(probed.bodies);
  try {
    for (const read of reads) {
      log(`  ceiling: ${read.name}`);
      results[read.name]!.ceiling = await httpLoad({
        url: `${bare.url}/${read.name}`,
        expectStatus: 200,
        connections,
        seconds,
      });
    }
  } finally {
    await bare.stop();
  }
  return {
    orders,
    database: embedded ? 'embedded' : 'postgres',
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? '',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
    },
    versions: versionInfo,
    load: { connections, seconds },
    counts,
    clientOrders: users.clientOrders,
    contractorActive: users.contractorActive,
    scenarios: results,
    explain: probed.explain,
  };
}

/**
 * Takes the run's own writes out again, so that every run measures the generated data and not the
 * runs before it: each run creates about a thousand orders about a mixer for one contractor, which
 * its search for "blandaren" would then read, and moves two hundred orders back and forth, whose
 * logs would grow. The orders it created go (with their events, by cascade, and their tallies, by
 * trigger), the moved orders get their status back, and the events, jobs and sessions of the run go.
 */
async function undoWrites(handle: DatabaseHandle, since: string, moved: Map<string, string>) {
  try {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`delete from work_orders where created_at >= ${since}::timestamptz`);
      for (const [id, status] of moved) {
        await tx.execute(
          sql`update work_orders set status = ${status} where id = ${id} and status <> ${status}`,
        );
      }
      await tx.execute(sql`delete from work_order_events where created_at >= ${since}::timestamptz`);
      await tx.execute(sql`delete from jobs where created_at >= ${since}::timestamptz`);
      await tx.execute(sql`delete from sessions where created_at >= ${since}::timestamptz`);
    });
    log("  undone: the run's orders, moves, events, jobs and sessions");
  } finally {
    await handle.close();
  }
}

/**
 * Status changes by the contractor: accepted orders moved to Material beställt and back, round robin,
 * never two requests on one order at a time (a request's order is busy until its answer is in).
 */
async function transitions(
  url: string,
  cookie: string,
  contractorId: string,
): Promise<{ figures: Figures; before: Map<string, string> }> {
  const res = await fetch(
    `${url}/api/orgs/${contractorId}/work-orders?view=active&status=accepted&status=material_ordered&limit=200`,
    { headers: { cookie } },
  );
  const orders = ((await res.json()) as { items: { id: string; status: string }[] }).items;
  if (orders.length < connections * 2) throw new Error(`only ${orders.length} accepted orders to move`);
  const before = new Map(orders.map((o) => [o.id, o.status]));
  const state = new Map(before);
  const busy = new Set<string>();
  let cursor = 0;
  const figures = await httpLoad({
    url,
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    next: () => {
      let order = orders[cursor++ % orders.length]!;
      while (busy.has(order.id)) order = orders[cursor++ % orders.length]!;
      busy.add(order.id);
      const to = state.get(order.id) === 'accepted' ? 'material_ordered' : 'accepted';
      return {
        path: `/api/orgs/${contractorId}/work-orders/${order.id}/transitions`,
        body: JSON.stringify({ to }),
      };
    },
    // The answer names the order (a problem names it in `instance`) and, when moved, its status now.
    onResponse: (_connection, status, body) => {
      const answer = JSON.parse(body) as { id?: string; status?: string; instance?: string };
      const id = answer.id ?? answer.instance?.match(/work-orders\/([0-9a-f-]{36})/)?.[1];
      if (!id) return;
      busy.delete(id);
      if (status === 200 && answer.status) state.set(id, answer.status);
    },
    expectStatus: 200,
    connections,
    seconds,
  });
  return { figures, before };
}

if (!values['no-build']) build();
const results: SizeResult[] = [];
for (const orders of sizes) results.push(await runSize(orders));
writeReport({ results, root, updateDocs: !values['no-docs'], log });
