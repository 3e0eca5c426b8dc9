import { is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './db.ts';

/** What a drizzle query becomes once built: run again with other values, not built again. */
type Prepared<T> = { execute(values?: Record<string, unknown>): Promise<T> };
type Preparable<T> = { prepare(name: string): Prepared<T> };

/** A value left open in a query's shape, filled in when it runs (drizzle's sql.placeholder). */
export function slot<T>(name: string): T {
  return sql.placeholder(name) as unknown as T;
}

/** Shapes kept per database and query; past that, a new shape is built each time (still right). */
const MAX_SHAPES = 200;

/**
 * A query the app runs on every request, built once per shape instead of once per request: for the
 * inbox, drizzle spent more time assembling the statement (walking the columns, joins and
 * conditions, some twenty checks per part) than PostgreSQL spent running it.
 *
 * `build` gets only the shape — the input with the changing values (company, user, day, ids,
 * limits) replaced by slots — and the shape's JSON is its key. As `build` sees nothing but its
 * input, two inputs with the same JSON build the same statement, and a value that changes the
 * statement's text (a status list, a sort, who is asking: client, contractor or technician) can
 * only be part of the key. The values come with each run.
 *
 * Inside a transaction the query is built for that transaction's connection and not kept.
 */
export function shapedQuery<Shape, T>(build: (db: Executor, shape: Shape) => Preparable<T>) {
  const byDatabase = new WeakMap<Executor, Map<string, Prepared<T>>>();
  return (db: Executor, shape: Shape, values: Record<string, unknown>): Promise<T> => {
    // An empty name: the driver's unnamed statement, which db.ts names by its text as any other.
    if (is(db, PgTransaction)) return build(db, shape).prepare('').execute(values);
    let shapes = byDatabase.get(db);
    if (!shapes) {
      shapes = new Map();
      byDatabase.set(db, shapes);
    }
    const key = JSON.stringify(shape);
    let prepared = shapes.get(key);
    if (!prepared) {
      prepared = build(db, shape).prepare('');
      if (shapes.size < MAX_SHAPES) shapes.set(key, prepared);
    }
    return prepared.execute(values);
  };
}
