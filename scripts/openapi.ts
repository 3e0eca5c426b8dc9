/**
 * Writes the OpenAPI document the server generates from its Zod schemas to docs/openapi.json.
 * With --check it only compares, and fails when the committed file is stale (run in CI).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';

const target = path.resolve('docs/openapi.json');
const check = process.argv.includes('--check');

const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-openapi-'));
const database = await openDatabase({ dataDir: null });
const { app } = await createApp({
  config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, version),
  database,
  clock: systemClock,
});
await app.ready();
const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();
fs.rmSync(dataDir, { recursive: true, force: true });

if (check) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (committed !== document) {
    console.error('docs/openapi.json is stale: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date.');
} else {
  fs.writeFileSync(target, document);
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);
}
