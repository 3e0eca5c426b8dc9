/**
 * Fills a database with a realistic, reproducible Swedish installation for benchmarks and trials.
 *
 *   npm run generate -- --orders 1000000 [--clients N] [--contractors N] [--seed N] [--now ISO] [--reset]
 *
 * Uses DATABASE_URL when set (PostgreSQL, loaded with COPY), otherwise the embedded database in
 * DATA_DIR. The database must be empty unless --reset is given, which deletes everything in it.
 * Every generated user has the password printed at the end.
 */
import { parseArgs } from 'node:util';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { benchPassword } from './generate/installation.ts';
import { generate } from './generate/run.ts';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '10000' },
    clients: { type: 'string' },
    contractors: { type: 'string' },
    seed: { type: 'string', default: '1' },
    now: { type: 'string' },
    reset: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

function count(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    process.exit(2);
  }
  return n;
}

const orders = count('orders', values.orders, 10_000, 1, 20_000_000);
const clients = count(
  'clients',
  values.clients,
  Math.min(40, Math.max(3, Math.round(orders / 40_000))),
  1,
  10_000,
);
const contractors = count('contractors', values.contractors, clients * 8, 1, 50_000);
const seed = count('seed', values.seed, 1, 0, 2 ** 31);
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now is not a date: ${values.now}`);
  process.exit(2);
}

const config = loadConfig(process.env);
const handle = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 6 })
  : await openDatabase({ dataDir: config.dataDir });
try {
  await handle.migrate();
  const summary = await generate(handle, {
    options: { orders, clients, contractors, seed },
    now,
    reset: values.reset,
    passwordHash: await hashPassword(benchPassword),
    log: values.quiet ? () => undefined : (line) => console.error(line),
  });
  console.log(JSON.stringify(summary, null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
