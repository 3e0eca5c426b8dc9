/**
 * Runs the browser tests: builds the web app when it is missing or older than its sources, then runs
 * e2e/ with Vitest against the real server and the system's Chromium.
 *
 *   tsx scripts/test-e2e.ts                    skips (exit 0) when Chromium is not installed
 *   tsx scripts/test-e2e.ts --require-browser  fails instead (CI)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const requireBrowser = process.argv.includes('--require-browser');

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) {
    console.error(result.error.message);
    return 1;
  }
  return result.status ?? 1;
}

/** The newest modification time of the files, or of any file under the folders (not node_modules). */
function newestChange(paths: string[]): number {
  let newest = 0;
  const visit = (target: string) => {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const entry of fs.readdirSync(target)) if (entry !== 'node_modules') visit(path.join(target, entry));
  };
  for (const target of paths) if (fs.existsSync(target)) visit(target);
  return newest;
}

if (!fs.existsSync(chromium)) {
  const message =
    `Browser tests skipped: Chromium not found at ${chromium} ` +
    '(install it with `apt-get install -y chromium` or set CHROMIUM_PATH)';
  if (requireBrowser) {
    console.error(message.replace('skipped', 'cannot run'));
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}

// The browser's build and the server's (which draws pages, decision 0020), each rebuilt when older
// than the sources.
const sources = [path.join(root, 'web'), path.join(root, 'contract'), path.join(root, 'vite.config.ts')];
const builds = [
  { output: 'dist/web/index.html', args: [] },
  { output: 'dist/web-server/entry-server.js', args: ['--ssr'] },
];
for (const build of builds) {
  const output = path.join(root, build.output);
  const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  if (builtAt >= newestChange(sources)) continue;
  console.log(`Building ${build.output}: missing or older than web/, contract/ or vite.config.ts`);
  const status = run('npx', ['vite', 'build', ...build.args, '--logLevel', 'warn']);
  if (status !== 0) process.exit(status);
}

process.env.CHROMIUM_PATH = chromium;
process.exit(run('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']));
