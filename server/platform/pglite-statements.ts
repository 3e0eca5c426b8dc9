import { type PGlite, protocol, type Results, types } from '@electric-sql/pglite';

/**
 * PGlite's own `query` sends a statement as six protocol messages, each a separate trip into the
 * WebAssembly (parse, describe, bind, describe, execute, sync), and parses and plans it every time.
 * This keeps each statement the app repeats prepared under a name, as `PreparingClient` in db.ts
 * does on a server, and runs it as one message: bind, describe, execute and sync together. For the
 * inbox's list statement that is 2,2 ms instead of 3,6–3,9 (decision 0018).
 *
 * Only the top-level `query` with parameters is changed; statements inside a transaction (PGlite
 * runs those through its own path), `exec`, full-text searches (planned for their words each time,
 * as on a server) and queries with other options go the usual way. It
 * waits for a running transaction and for the query before it exactly as `query` does. At most
 * MAX_PREPARED statements are kept; past that, new texts go the usual way.
 */
const MAX_PREPARED = 500;

type Parsers = Record<number, (value: string) => unknown>;
type Options = { rowMode?: 'array' | 'object'; parsers?: Parsers };
type Statement = { name: string; paramTypes: number[] };
type Field = { name: string; dataTypeID: number };
type Message = { name: string; fields?: Field[] | (string | null)[]; dataTypeIDs?: number[]; text?: string };

const { serialize } = protocol;
const ROW_COUNTING = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function keepStatementsPrepared(lite: PGlite): void {
  const usual = lite.query.bind(lite);
  const statements = new Map<string, Statement>();

  async function prepare(text: string): Promise<Statement> {
    const name = `s${statements.size + 1}`;
    const { messages } = await lite.execProtocol(
      concat([
        serialize.parse({ name, text, types: [] }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const description = (messages as Message[]).find((m) => m.name === 'parameterDescription');
    const statement = { name, paramTypes: description?.dataTypeIDs ?? [] };
    statements.set(text, statement);
    return statement;
  }

  function results(messages: Message[], options: Options | undefined): Results {
    const parsers: Parsers = { ...lite.parsers, ...options?.parsers };
    let fields: Field[] = [];
    const rows: unknown[] = [];
    let affectedRows = 0;
    for (const m of messages) {
      if (m.name === 'rowDescription') fields = m.fields as Field[];
      else if (m.name === 'dataRow') {
        const values = (m.fields as (string | null)[]).map((v, i) =>
          types.parseType(v, fields[i]!.dataTypeID, parsers),
        );
        rows.push(
          options?.rowMode === 'array'
            ? values
            : Object.fromEntries(fields.map((f, i) => [f.name, values[i]])),
        );
      } else if (m.name === 'commandComplete') {
        const words = (m.text ?? '').split(' ');
        if (ROW_COUNTING.has(words[0]!)) affectedRows += Number.parseInt(words[words.length - 1]!, 10);
      }
    }
    return {
      rows,
      fields: fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
      affectedRows,
    } as Results;
  }

  lite.query = (async (text: string, params?: unknown[], options?: Options) => {
    const plain = !options || Object.keys(options).every((k) => k === 'rowMode' || k === 'parsers');
    // Full-text searches are planned for their words each time, as on a server (db.ts).
    const kept = statements.has(text) || (statements.size < MAX_PREPARED && !text.includes('@@'));
    if (!params?.length || !plain || !kept) {
      return usual(text, params, options as never);
    }
    await lite._checkReady();
    return lite._runExclusiveTransaction(() =>
      lite._runExclusiveQuery(async () => {
        try {
          const statement = statements.get(text) ?? (await prepare(text));
          const values = params.map((value, i) => {
            if (value === null || value === undefined) return null;
            const write = lite.serializers[statement.paramTypes[i]!];
            return write ? write(value) : String(value);
          });
          const { messages } = await lite.execProtocol(
            concat([
              serialize.bind({ statement: statement.name, values }),
              serialize.describe({ type: 'P' }),
              serialize.execute({}),
              serialize.sync(),
            ]),
            { syncToFs: false },
          );
          await lite.syncToFs();
          return results(messages as Message[], options);
        } catch (error) {
          // The same fields PGlite's own query adds to a database error.
          if (error && typeof error === 'object')
            Object.assign(error, { query: text, params, queryOptions: options });
          throw error;
        }
      }),
    );
  }) as PGlite['query'];
}
