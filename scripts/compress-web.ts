/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside each text file of the built web app, once at
 * build time, so the server sends them as they are (@fastify/static `preCompressed`) instead of
 * compressing every response or sending the JavaScript uncompressed to a phone.
 *
 *   tsx scripts/compress-web.ts [dist/web]
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest']);
/** Below this a compressed copy saves less than the header it costs. */
const MIN_BYTES = 1024;

export type Compressed = { file: string; bytes: number; brotli: number; gzip: number };

export function compressDirectory(dir: string): Compressed[] {
  const done: Compressed[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const content = fs.readFileSync(file);
    if (content.length < MIN_BYTES) continue;
    const brotli = zlib.brotliCompressSync(content, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gzip = zlib.gzipSync(content, { level: 9 });
    fs.writeFileSync(`${file}.br`, brotli);
    fs.writeFileSync(`${file}.gz`, gzip);
    done.push({
      file: path.relative(dir, file),
      bytes: content.length,
      brotli: brotli.length,
      gzip: gzip.length,
    });
  }
  return done;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'dist', 'web'));
  const done = compressDirectory(dir);
  const kb = (n: number) => (n / 1024).toFixed(0);
  const sum = (key: 'bytes' | 'brotli' | 'gzip') => done.reduce((s, c) => s + c[key], 0);
  console.log(
    `compressed ${done.length} files of ${path.relative(process.cwd(), dir) || '.'}: ${kb(sum('bytes'))} KB → ${kb(sum('brotli'))} KB brotli, ${kb(sum('gzip'))} KB gzip`,
  );
}
