import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database, Executor } from './database.js';

const NAME = Symbol('precompiled parameter');
interface Slot {
  [NAME]: string;
}
const isSlot = (v: unknown): v is Slot => typeof v === 'object' && v !== null && NAME in v;

/** The values of a precompiled query's parameters, by name; in the builder each stands for its value (`never` fits any). */
export type Slots<P extends string> = Record<P, never>;

/**
 * A fixed query built and compiled once per database, then run with new values. Kysely builds and compiles every query
 * anew (about 25 µs, and its new text must be hashed again to find the prepared statement): for the queries every
 * request runs (authentication, role, audit head), that was about a sixth of a short read's JavaScript. The builder
 * receives named slots in place of values and must not branch on them: it runs once.
 */
export function precompiled<P extends string, Row>(
  build: (db: Kysely<Database>, slot: Slots<P>) => Compilable<Row>,
): (db: Executor, values: Record<P, unknown>) => Promise<Row[]> {
  // By adapter: a database and its transactions share it, and it fixes the dialect's SQL.
  const compiledFor = new WeakMap<object, CompiledQuery<Row>>();
  const slots = new Proxy({} as Slots<P>, { get: (_, name) => ({ [NAME]: String(name) }) });
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let compiled = compiledFor.get(adapter);
    if (!compiled) {
      compiled = build(db, slots).compile();
      compiledFor.set(adapter, compiled);
    }
    const parameters = compiled.parameters.map((v) => {
      if (!isSlot(v)) return v;
      const value = values[v[NAME] as P];
      if (value === undefined) throw new Error(`precompiled query: no value for ${v[NAME]}`);
      return value;
    });
    return (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
  };
}
