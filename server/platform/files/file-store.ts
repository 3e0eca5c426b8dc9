import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Where uploaded files are kept. Content-addressed: a file's key is the SHA-256 of its bytes, so a
 * stored path never comes from a user's file name and the same bytes are kept once. Another store
 * (S3-compatible, say) implements the same four methods.
 */
export type FileStore = {
  put(bytes: Buffer): Promise<string>;
  size(key: string): Promise<number | null>;
  /** A stream of the bytes, or of the inclusive byte range [start, end]. */
  read(key: string, range?: { start: number; end: number }): Readable;
  remove(key: string): Promise<void>;
};

const KEY = /^[0-9a-f]{64}$/;

export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('invalid file key');
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    async put(bytes) {
      const key = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(key);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      // Write to a temporary name and rename, so a half-written file is never seen under its key.
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await fsp.writeFile(temp, bytes);
      await fsp.rename(temp, target);
      return key;
    },
    async size(key) {
      try {
        return (await fsp.stat(pathOf(key))).size;
      } catch {
        return null;
      }
    },
    read(key, range) {
      return fs.createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
    },
    async remove(key) {
      await fsp.rm(pathOf(key), { force: true });
    },
  };
}
