/**
 * Bulk loading for the generator: rows become COPY text lines, gathered into chunks of about a
 * megabyte and streamed to the database while the next ones are made. Several tables load at once
 * (each COPY on its own connection on a server).
 */
import { copyLine, type DatabaseHandle } from '../../server/platform/db.ts';

type Value = string | number | boolean | null | undefined;

const CHUNK_BYTES = 1 << 20;

/** A bounded queue of chunks: `push` waits while the database is behind, so memory stays flat. */
function channel() {
  const queue: string[] = [];
  let closed = false;
  let wake: (() => void) | null = null;
  let space: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  return {
    async push(chunk: string) {
      queue.push(chunk);
      notify();
      while (queue.length > 8) await new Promise<void>((resolve) => (space = resolve));
    },
    close() {
      closed = true;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (queue.length > 0) {
          yield queue.shift()!;
          space?.();
          space = null;
        } else if (closed) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

export type TableWriter = {
  /** Adds one row; resolves at once unless the database is behind. */
  write(values: readonly Value[]): Promise<void> | undefined;
  rows: number;
  /** Sends what is left and waits until the table's COPY has finished. */
  end(): Promise<void>;
};

export function tableWriter(handle: DatabaseHandle, table: string, columns: readonly string[]): TableWriter {
  const chunks = channel();
  const done = handle.copy(table, columns, chunks);
  // Surface a COPY error at once rather than after the generator has finished.
  done.catch(() => chunks.close());
  let buffer = '';
  const writer: TableWriter = {
    rows: 0,
    write(values) {
      buffer += copyLine(values);
      writer.rows++;
      if (buffer.length < CHUNK_BYTES) return undefined;
      const chunk = buffer;
      buffer = '';
      return chunks.push(chunk);
    },
    async end() {
      if (buffer) await chunks.push(buffer);
      buffer = '';
      chunks.close();
      await done;
    },
  };
  return writer;
}

/** Loads a whole table from an array of rows. */
export async function loadRows(
  handle: DatabaseHandle,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Value[]>,
): Promise<number> {
  const writer = tableWriter(handle, table, columns);
  for (const row of rows) await writer.write(row);
  await writer.end();
  return writer.rows;
}

/** A one-line progress bar on a terminal; a line per tenth otherwise (CI logs). */
export function progress(label: string, total: number) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let shown = -1;
  let lastDraw = 0;
  return {
    tick(done: number) {
      const now = Date.now();
      const tenth = Math.floor((done / total) * 10);
      if (tty ? now - lastDraw < 200 && done < total : tenth === shown) return;
      lastDraw = now;
      shown = tenth;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(seconds, 0.001);
      const left = rate > 0 ? (total - done) / rate : 0;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const line = `${label} ${bar} ${((done / total) * 100).toFixed(0).padStart(3)} % ${done.toLocaleString('sv-SE')}/${total.toLocaleString('sv-SE')} · ${Math.round(rate).toLocaleString('sv-SE')}/s · ${left.toFixed(0)} s kvar`;
      if (tty) process.stderr.write(`\r${line}\x1b[K`);
      else process.stderr.write(`${line}\n`);
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
