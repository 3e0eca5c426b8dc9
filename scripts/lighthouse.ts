/**
 * Lighthouse (the npm package, driving the machine's Chromium) on the login page, the contractor's
 * inbox and an order page, in Lighthouse's mobile emulation (a mid-range phone on a slow 4G link,
 * simulated). The built server runs on a fresh embedded database with the demo data; the inbox and
 * the order page are measured logged in as the demo contractor. Each page is measured --runs times
 * (default 3) and the median performance run is kept, since single runs vary by a few points.
 * Scores go to bench/results/<time>-lighthouse.json and docs/performance.md.
 *
 *   npm run lighthouse                      (builds first; --no-build to use dist as it is)
 *   options: --runs 3 --no-docs --check     (--check: exit 1 when a target is missed)
 *            --reports <dir>               (each page's full median report, to open in a Lighthouse viewer)
 *            --data-dir <dir> --login <user> --password <pw>
 *                                          (an embedded database of `npm run generate` instead of the
 *                                          demo, measured as that contractor user: an inbox of 50 rows)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, DEMO_PASSWORD } from '../e2e/support/browser.ts';
import { startServer } from './bench/processes.ts';
import { replaceBlock } from './bench/report.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'no-docs': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    reports: { type: 'string' },
    'data-dir': { type: 'string' },
    login: { type: 'string', default: 'entreprenor' },
    password: { type: 'string', default: DEMO_PASSWORD },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs is a whole number ≥ 1');
  process.exit(2);
}
const TARGETS = { performance: 90, accessibility: 95 } as const;
const log = (line: string) => console.error(line);

type PageResult = {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  /** Milliseconds, except cls (unitless); from the median performance run. */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number };
  /** Each run's performance score, to show the spread. */
  performanceRuns: number[];
  /** Accessibility audits that failed, by id and title. */
  accessibilityFailures: { id: string; title: string }[];
  /** JavaScript bytes over the wire as Lighthouse saw them. */
  scriptKb: number;
};

if (!values['no-build']) {
  log('Building (npm run build)');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (!fs.existsSync(CHROMIUM_PATH)) {
  console.error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  process.exit(2);
}

const ownData = values['data-dir'] === undefined;
const dataDir = values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-lighthouse-'));
const server = await startServer({
  DATA_DIR: dataDir,
  DEMO_DATA: ownData ? '1' : '0',
  LOG_LEVEL: 'warn',
  WORKERS: '0',
});
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });

try {
  const { cookie, orgId, orderId } = await logInAsContractor(server.url);
  const pages = [
    { page: 'login', path: '/login', cookie: null },
    { page: 'inbox', path: `/orgs/${orgId}/work-orders`, cookie },
    { page: 'order', path: `/orgs/${orgId}/work-orders/${orderId}`, cookie },
  ];
  const results: PageResult[] = [];
  for (const p of pages) {
    log(`Lighthouse: ${p.page} (${runs} run${runs > 1 ? 's' : ''})`);
    results.push(await measurePage(server.url, p));
  }
  report(results);
} finally {
  chrome.kill();
  await server.stop();
  if (ownData) fs.rmSync(dataDir, { recursive: true, force: true });
}

async function logInAsContractor(base: string) {
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: values.login, password: values.password }),
  });
  if (login.status !== 200) throw new Error(`${values.login}'s login answered ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await login.json()) as { memberships: { orgId: string }[] };
  const orgId = me.memberships[0]!.orgId;
  const list = await fetch(`${base}/api/orgs/${orgId}/work-orders`, { headers: { cookie } });
  const { items } = (await list.json()) as { items: { id: string }[] };
  if (!items[0]) throw new Error('the demo contractor has no orders');
  return { cookie, orgId, orderId: items[0].id };
}

async function measurePage(base: string, p: { page: string; path: string; cookie: string | null }) {
  const lhrs: Result[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(`${base}${p.path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(p.cookie ? { extraHeaders: { Cookie: p.cookie } } : {}),
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${p.page}`);
    if (result.lhr.runtimeError) throw new Error(`${p.page}: ${result.lhr.runtimeError.message}`);
    lhrs.push(result.lhr);
  }
  const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  const sorted = [...lhrs].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const median = sorted[Math.floor(sorted.length / 2)]!;
  if (values.reports) {
    fs.mkdirSync(values.reports, { recursive: true });
    fs.writeFileSync(path.join(values.reports, `${p.page}.json`), JSON.stringify(median));
  }
  const value = (id: string) => median.audits[id]?.numericValue ?? Number.NaN;
  const accessibility = median.categories.accessibility!;
  const scriptBytes = (
    (
      median.audits['resource-summary']?.details as {
        items?: { resourceType: string; transferSize: number }[];
      }
    )?.items ?? []
  ).find((item) => item.resourceType === 'script')?.transferSize;
  return {
    page: p.page,
    path: p.path.replace(/[0-9a-f-]{36}/g, ':id'),
    performance: score(median, 'performance'),
    accessibility: score(median, 'accessibility'),
    metrics: {
      fcp: Math.round(value('first-contentful-paint')),
      lcp: Math.round(value('largest-contentful-paint')),
      tbt: Math.round(value('total-blocking-time')),
      cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
      speedIndex: Math.round(value('speed-index')),
    },
    performanceRuns: lhrs.map((lhr) => score(lhr, 'performance')),
    accessibilityFailures: accessibility.auditRefs
      .map((ref) => median.audits[ref.id]!)
      .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score !== null && audit.score < 1)
      .map((audit) => ({ id: audit.id, title: audit.title })),
    scriptKb: Math.round(((scriptBytes ?? 0) / 1024) * 10) / 10,
  } satisfies PageResult;
}

function report(results: PageResult[]) {
  const at = new Date().toISOString();
  const versions = {
    lighthouse: (
      JSON.parse(fs.readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8')) as {
        version: string;
      }
    ).version,
    chromium: spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim(),
    node: process.version,
  };
  // Whose pages were measured: the demo's contractor, or a user of a generated database.
  const data = ownData ? 'demo' : { dataDir: values['data-dir'], login: values.login };
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  const dir = path.join(root, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${at.slice(0, 19).replaceAll(':', '').replace('T', '-')}-lighthouse.json`);
  fs.writeFileSync(
    file,
    `${JSON.stringify({ at, machine, versions, data, targets: TARGETS, results }, null, 2)}\n`,
  );

  const mark = (value: number, target: number) => `${value} ${value >= target ? '✓' : '✗'}`;
  const lines = [
    `Lighthouse ${versions.lighthouse}, ${versions.chromium}, mobile emulation (simulated slow 4G, 4× CPU slowdown), ${at.slice(0, 10)}, ${machine}. Median of ${runs} run${runs > 1 ? 's' : ''} by performance score. Targets: performance ≥ ${TARGETS.performance}, accessibility ≥ ${TARGETS.accessibility}.`,
    '',
    '| Page | Performance | Accessibility | FCP | LCP | TBT | CLS | Speed Index | JavaScript transferred | Runs |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.page} (\`${r.path}\`) | ${mark(r.performance, TARGETS.performance)} | ${mark(r.accessibility, TARGETS.accessibility)} | ${(r.metrics.fcp / 1000).toFixed(1)} s | ${(r.metrics.lcp / 1000).toFixed(1)} s | ${r.metrics.tbt} ms | ${r.metrics.cls} | ${(r.metrics.speedIndex / 1000).toFixed(1)} s | ${r.scriptKb} KB | ${r.performanceRuns.join(', ')} |`,
    ),
  ];
  const failures = results.flatMap((r) =>
    r.accessibilityFailures.map((f) => `${r.page}: ${f.title} (\`${f.id}\`)`),
  );
  lines.push(
    '',
    failures.length
      ? `Accessibility audits failed: ${failures.join('; ')}.`
      : 'No accessibility audit failed.',
  );
  const md = lines.join('\n');
  console.log(md);
  log(`Results: ${path.relative(root, file)}`);
  if (!values['no-docs']) {
    replaceBlock(path.join(root, 'docs/performance.md'), 'lighthouse', md);
    log('Updated docs/performance.md');
  }
  const missed = results.some(
    (r) => r.performance < TARGETS.performance || r.accessibility < TARGETS.accessibility,
  );
  if (values.check && missed) process.exit(1);
}
