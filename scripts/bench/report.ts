/**
 * What a benchmark run leaves: a JSON file per run in bench/results/, and the tables, the targets and
 * the query plans in docs/performance.md (between the run's markers, so hand-written text stays).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Figures } from './measure.ts';

export type ScenarioResult = { app: Figures; floor?: Figures; ceiling?: Figures; statements?: number };

export type SizeResult = {
  orders: number;
  database: 'embedded' | 'postgres';
  at: string;
  machine: { cpus: number; model: string; memoryGiB: number; os: string };
  versions: { node: string; database: string; ordning: string; commit: string | null };
  load: { connections: number; seconds: number };
  counts: Record<string, number>;
  clientOrders: number;
  contractorActive: number;
  scenarios: Record<string, ScenarioResult>;
  explain: Record<string, string[]>;
};

export type Target = { what: string; limit: string; measured: string; met: boolean };

const p95Targets: Record<string, number> = {
  inbox: 20,
  search: 50,
  dashboard: 20,
  order: 15,
  transition: 25,
};

export function targets(results: SizeResult[]): Target[] {
  const out: Target[] = [];
  const bySize = new Map(results.map((r) => [r.orders, r]));
  const fmt = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
  const pg = results.filter((r) => r.database === 'postgres');
  const big = pg.find((r) => r.orders === 1_000_000);
  if (big) {
    for (const [name, limit] of Object.entries(p95Targets)) {
      const p95 = big.scenarios[name]?.app.p95;
      if (p95 !== undefined)
        out.push({
          what: `${name} p95, 1 000 000 orders`,
          limit: `≤ ${limit} ms`,
          measured: `${fmt(p95)} ms`,
          met: p95 <= limit,
        });
    }
    const inbox = big.scenarios.inbox!;
    const share = inbox.app.rps / inbox.ceiling!.rps;
    out.push({
      what: 'inbox throughput vs bare HTTP',
      limit: '≥ 50 %',
      measured: `${fmt(share * 100)} %`,
      met: share >= 0.5,
    });
    const floorLimit = 2 * inbox.floor!.p50 + 2;
    out.push({
      what: 'inbox p50 vs database floor',
      limit: `≤ 2 × ${fmt(inbox.floor!.p50)} + 2 = ${fmt(floorLimit)} ms`,
      measured: `${fmt(inbox.app.p50)} ms`,
      met: inbox.app.p50 <= floorLimit,
    });
    const small = bySize.get(10_000);
    if (small?.database === 'postgres') {
      for (const name of ['inbox', 'dashboard', 'order']) {
        const growth = big.scenarios[name]!.app.p95 / small.scenarios[name]!.app.p95;
        out.push({
          what: `${name} p95 growth 10 000 → 1 000 000`,
          limit: '≤ 1,5 ×',
          measured: `${fmt(growth)} ×`,
          met: growth <= 1.5,
        });
      }
    }
  }
  const lite = results.find((r) => r.database === 'embedded' && r.orders === 100_000);
  if (lite) {
    const p95 = lite.scenarios.inbox!.app.p95;
    out.push({
      what: 'inbox p95, embedded, 100 000 orders',
      limit: '≤ 40 ms',
      measured: `${fmt(p95)} ms`,
      met: p95 <= 40,
    });
  }
  return out;
}

const n = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : v.toLocaleString('sv-SE', { maximumFractionDigits: 2 });

export function markdown(results: SizeResult[]): string {
  const first = results[0]!;
  const lines: string[] = [];
  lines.push(
    `Run ${first.at.slice(0, 16).replace('T', ' ')} UTC, commit ${first.versions.commit ?? '?'}, on ${first.machine.cpus} × ${first.machine.model}, ${first.machine.memoryGiB} GiB, ${first.machine.os}; Node.js ${first.versions.node}; ${first.versions.database.split(' on ')[0]}. Load: ${first.load.connections} connections, ${first.load.seconds} s per figure after a 2 s warm-up, load generator, server and database on the same machine.`,
    '',
    '| orders | scenario | p50 ms | p95 ms | p99 ms | req/s | floor p50 | floor p95 | floor req/s | ceiling req/s | p50 ÷ floor p50 | req/s ÷ ceiling | errors |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    for (const [name, s] of Object.entries(r.scenarios)) {
      lines.push(
        `| ${n(r.orders)} | ${name}${s.statements ? ` (${s.statements} SQL)` : ''} | ${n(s.app.p50)} | ${n(s.app.p95)} | ${n(s.app.p99)} | ${n(s.app.rps)} | ${n(s.floor?.p50)} | ${n(s.floor?.p95)} | ${n(s.floor?.rps)} | ${n(s.ceiling?.rps)} | ${s.floor ? n(s.app.p50 / s.floor.p50) : '–'} | ${s.ceiling ? `${n((s.app.rps / s.ceiling.rps) * 100)} %` : '–'} | ${s.app.errors}${
          s.app.errorStatuses
            ? ` (${Object.entries(s.app.errorStatuses)
                .map(([k, v]) => `${v} × ${k}`)
                .join(', ')})`
            : ''
        } |`,
      );
    }
  }
  if (results.length > 1) {
    const names = Object.keys(first.scenarios);
    lines.push('', `p95 by size (ms), and the growth from the smallest to the largest:`, '');
    lines.push(`| scenario | ${results.map((r) => n(r.orders)).join(' | ')} | growth |`);
    lines.push(`| --- | ${results.map(() => '---:').join(' | ')} | ---: |`);
    for (const name of names) {
      const p95s = results.map((r) => r.scenarios[name]?.app.p95);
      const growth = p95s.at(-1)! / p95s[0]!;
      lines.push(`| ${name} | ${p95s.map(n).join(' | ')} | ${n(growth)} × |`);
    }
  }
  const t = targets(results);
  if (t.length) {
    lines.push('', '| target | limit | measured | met |', '| --- | --- | --- | --- |');
    for (const x of t) lines.push(`| ${x.what} | ${x.limit} | ${x.measured} | ${x.met ? 'yes' : '**no**'} |`);
  }
  const last = results.at(-1)!;
  lines.push('', `<details><summary>EXPLAIN (ANALYZE, BUFFERS) at ${n(last.orders)} orders</summary>`, '');
  for (const [name, plans] of Object.entries(last.explain)) {
    lines.push(`**${name}**`, '', '```', ...plans.flatMap((p) => [p, '']), '```', '');
  }
  lines.push('</details>');
  return lines.join('\n');
}

export function writeReport(args: {
  results: SizeResult[];
  root: string;
  updateDocs: boolean;
  log: (l: string) => void;
}) {
  const { results, root } = args;
  const dir = path.join(root, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const db = results[0]!.database;
  const stamp = results[0]!.at.slice(0, 19).replaceAll(':', '').replace('T', '-');
  const file = path.join(dir, `${stamp}-${db}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ results, targets: targets(results) }, null, 2)}\n`);
  const md = markdown(results);
  console.log(md.split('<details>')[0]);
  args.log(`Results: ${path.relative(root, file)}`);
  if (!args.updateDocs) return;
  const doc = path.join(root, 'docs/performance.md');
  replaceBlock(doc, `bench:${db}`, md);
  args.log(`Updated ${path.relative(root, doc)}`);
}

/** Puts text between `<!-- name:start -->` and `<!-- name:end -->` of a Markdown file (at its end the first time). */
export function replaceBlock(doc: string, name: string, md: string) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '';
  const block = `${start}\n${md}\n${end}`;
  const next =
    text.includes(start) && text.includes(end)
      ? text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length)
      : `${text}\n${block}\n`;
  fs.writeFileSync(doc, next);
}
