import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compressDirectory } from './compress-web.ts';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compressDirectory', () => {
  it('writes Brotli and gzip copies of the text files that decompress to the original', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-compress-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const script = 'export const texts = { inbox: "Arbetsordrar" };\n'.repeat(100);
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), script);
    fs.writeFileSync(path.join(dir, 'assets', 'tiny.css'), 'a{}');
    fs.writeFileSync(path.join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 1));

    const done = compressDirectory(dir);

    expect(done.map((c) => c.file)).toEqual([path.join('assets', 'index-abc.js')]);
    const base = path.join(dir, 'assets', 'index-abc.js');
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${base}.br`)).toString()).toBe(script);
    expect(zlib.gunzipSync(fs.readFileSync(`${base}.gz`)).toString()).toBe(script);
    expect(done[0]!.brotli).toBeLessThan(script.length / 10);
    // Too small to gain, and already compressed formats: left alone.
    expect(fs.existsSync(path.join(dir, 'assets', 'tiny.css.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'assets', 'logo.png.br'))).toBe(false);
  });
});
