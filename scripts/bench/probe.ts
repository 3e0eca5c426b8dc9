/**
 * The in-process half of a benchmark run: the real app on the generated database, used to find the
 * ids to ask for, to record the exact statements each read runs, to time those statements straight
 * through the driver (the database floor), to keep the bytes each read answers (for the HTTP
 * ceiling), and to EXPLAIN (ANALYZE, BUFFERS) them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createApp } from '../../server/app.ts';
import { systemClock } from '../../server/platform/clock.ts';
import { loadConfig } from '../../server/platform/config.ts';
import type { DatabaseHandle } from '../../server/platform/db.ts';
import { benchPassword } from '../generate/installation.ts';
import { type Figures, floorLoad } from './measure.ts';
import { type BenchIds, reads } from './scenarios.ts';

type Statement = { text: string; values: unknown[]; rowMode?: string };
type Driver = { run(s: Statement): Promise<unknown>; record(on: (s: Statement) => void): () => void };

export type ProbeResult = {
  ids: BenchIds;
  users: { contractor: string; client: string };
  floors: Record<string, Figures>;
  statements: Record<string, number>;
  explain: Record<string, string[]>;
  /** Where each read's answer was written, for the bare server. */
  bodies: Record<string, string>;
};

/** The driver under drizzle, with a way to see every statement it is given. */
function driverOf(handle: DatabaseHandle): Driver {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === 'postgres') {
    const pool = client as pg.Pool;
    return {
      run: (s) => pool.query({ text: s.text, values: s.values, ...(s.rowMode ? { rowMode: 'array' } : {}) }),
      record(on) {
        const original = pg.Client.prototype.query;
        type Config = string | { text?: string; values?: unknown[]; rowMode?: string };
        const recording = function (this: pg.Client, config: Config, values?: unknown, ...rest: unknown[]) {
          const text = typeof config === 'string' ? config : config?.text;
          if (typeof text === 'string') {
            const given = Array.isArray(values)
              ? values
              : typeof config === 'string'
                ? []
                : (config.values ?? []);
            on({ text, values: given, rowMode: typeof config === 'string' ? undefined : config.rowMode });
          }
          return (original as (...args: unknown[]) => unknown).call(this, config, values, ...rest);
        };
        pg.Client.prototype.query = recording as typeof original;
        return () => {
          pg.Client.prototype.query = original;
        };
      },
    };
  }
  const lite = client as PGlite;
  return {
    run: (s) => lite.query(s.text, s.values, s.rowMode ? { rowMode: 'array' } : undefined),
    record(on) {
      const original = lite.query.bind(lite);
      lite.query = ((text: string, values?: unknown[], options?: { rowMode?: string }) => {
        on({ text, values: values ?? [], rowMode: options?.rowMode });
        return original(text, values, options as never);
      }) as PGlite['query'];
      return () => {
        lite.query = original;
      };
    },
  };
}

export async function probe(args: {
  handle: DatabaseHandle;
  users: { contractor: string; client: string };
  connections: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<ProbeResult> {
  const { handle, log } = args;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WORKERS: '0',
    PUBLIC_URL: 'http://localhost:3000',
  });
  const { app, worker } = await createApp({ config, database: handle, clock: systemClock });
  await app.ready();
  try {
    const cookie = async (login: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { login, password: benchPassword },
      });
      if (res.statusCode !== 200) throw new Error(`login as ${login}: ${res.statusCode} ${res.body}`);
      const set = res.cookies[0]!;
      return `${set.name}=${set.value}`;
    };
    const cookies = {
      contractor: await cookie(args.users.contractor),
      client: await cookie(args.users.client),
    };
    const me = async (c: string) =>
      (await app.inject({ url: '/api/me', headers: { cookie: c } })).json() as {
        memberships: { orgId: string }[];
      };
    const contractorId = (await me(cookies.contractor)).memberships[0]!.orgId;
    const clientId = (await me(cookies.client)).memberships[0]!.orgId;
    const inbox = await app.inject({
      url: `/api/orgs/${contractorId}/work-orders?view=active&limit=1`,
      headers: { cookie: cookies.contractor },
    });
    const orderId = (inbox.json() as { items: { id: string }[] }).items[0]!.id;
    const ids: BenchIds = { contractorId, clientId, orderId };

    const driver = driverOf(handle);
    const result: ProbeResult = {
      ids,
      users: args.users,
      floors: {},
      statements: {},
      explain: {},
      bodies: {},
    };
    for (const read of reads) {
      const url = read.path(ids);
      const headers = { cookie: cookies[read.as] };
      await app.inject({ url, headers }); // warm caches and plans before recording
      const statements: Statement[] = [];
      const stop = driver.record((s) => statements.push(s));
      const res = await app.inject({ url, headers });
      stop();
      if (res.statusCode !== 200) throw new Error(`${read.name}: ${res.statusCode} ${res.body}`);
      const file = path.join(dataDir, `${read.name}.json`);
      fs.writeFileSync(file, res.rawPayload);
      result.bodies[read.name] = file;
      result.statements[read.name] = statements.length;
      result.explain[read.name] = await explainAll(driver, statements);
      log(`  floor: ${read.name} (${statements.length} statements)`);
      result.floors[read.name] = await floorLoad({
        connections: args.connections,
        seconds: args.seconds,
        // One request's statements, one after another, as a request runs them.
        once: async () => {
          for (const s of statements) await driver.run(s);
        },
      });
    }
    return result;
  } finally {
    await worker.stop();
    await app.close();
  }
}

async function explainAll(driver: Driver, statements: Statement[]): Promise<string[]> {
  const plans: string[] = [];
  for (const s of statements) {
    if (!/^\s*(select|with)\b/i.test(s.text)) continue;
    const res = (await driver.run({ text: `explain (analyze, buffers) ${s.text}`, values: s.values })) as {
      rows: { 'QUERY PLAN': string }[];
    };
    plans.push(
      [`-- ${s.text.replace(/\s+/g, ' ').slice(0, 300)}`, ...res.rows.map((r) => r['QUERY PLAN'])].join('\n'),
    );
  }
  return plans;
}
