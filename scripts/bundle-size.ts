/**
 * How much JavaScript the first screens download, gzipped, and in how many files: the login page
 * and the inbox (behind the login, with the app's shell; for a client with the notice of open
 * questions it loads after). Builds the web app with a manifest into a temporary folder, follows
 * each page's static imports from the entry, and sums the gzipped sizes. Fails when a page is over
 * the budget of bytes or of files: on a phone's HTTP/1.1 connections, six at a time, each file is
 * a round trip (docs/performance.md).
 *
 *   tsx scripts/bundle-size.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 250;
const BUDGET_FILES = 30;
const root = path.resolve(import.meta.dirname, '..');
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-bundle-'));

type Chunk = { file: string; imports?: string[]; isEntry?: boolean };

const build = spawnSync(
  'npx',
  ['vite', 'build', '--manifest', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
  { cwd: root, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;

/** The chunk files a module loads before it runs: itself and its static imports, transitively. */
function closure(keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

const gzipped = (file: string) =>
  zlib.gzipSync(fs.readFileSync(path.join(outDir, file)), { level: 9 }).length;

const inbox = ['index.html', 'src/app/layout/app-layout.tsx', 'src/modules/work-orders/inbox-page.tsx'];
const pages = {
  login: ['index.html', 'src/modules/session/login-page.tsx'],
  inbox,
  // A client's inbox also loads the notice of questions waiting for its answer, right after the list.
  'inbox (client)': [...inbox, 'src/modules/communication/open-questions-notice.tsx'],
};

let over = false;
for (const [name, keys] of Object.entries(pages)) {
  const files = [...closure(keys)].filter((f) => f.endsWith('.js'));
  const kb = files.reduce((sum, f) => sum + gzipped(f), 0) / 1024;
  const ok = kb <= BUDGET_KB && files.length <= BUDGET_FILES;
  over ||= !ok;
  console.log(
    `${name}: ${kb.toFixed(1)} KB gzip of JavaScript in ${files.length} files (budget ${BUDGET_KB} KB in ${BUDGET_FILES} files)${ok ? '' : ' — OVER'}`,
  );
  // --details (or a page over budget) lists the chunks, biggest first, to show where the weight is.
  if (!ok || process.argv.includes('--details')) {
    for (const f of files.sort((a, b) => gzipped(b) - gzipped(a)).slice(0, 15)) {
      console.log(`  ${(gzipped(f) / 1024).toFixed(1).padStart(6)} KB  ${f}`);
    }
  }
}
fs.rmSync(outDir, { recursive: true, force: true });
process.exit(over ? 1 : 0);
