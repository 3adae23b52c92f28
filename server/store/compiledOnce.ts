import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely'
import type { Database } from './index.ts'

/** Stands for a parameter while the query is compiled; never a value a person can send. */
const placeholder = (key: string) => `\u0000param:${key}\u0000`

interface Compiled {
  sql: string
  /** Per SQL parameter: the named parameter it takes, or the constant the query was built with. */
  slots: ({ key: string } | { constant: unknown })[]
}

/**
 * A query built and compiled once per connection (so once per sync batch, not once per action),
 * then run with fresh parameters. Building a Kysely query costs more than SQLite takes to run
 * it, and the statements written for every action of a batch are always the same; this keeps
 * Kysely's typed builder and dialect-correct SQL while doing that work once.
 *
 * `build` receives placeholders for the named parameters listed in `keys` (every key of
 * `Params`): use them as values only, never to decide the query's shape.
 */
export function compiledOnce<Params extends object, Row = unknown>(
  keys: readonly (keyof Params & string)[],
  build: (db: Kysely<Database>, params: Params) => Compilable<Row>,
): (db: Kysely<Database>, params: Params) => Promise<QueryResult<Row>> {
  const placeholders = Object.fromEntries(keys.map(key => [key, placeholder(key)])) as Params
  const keyOf = new Map(keys.map(key => [placeholder(key), key]))
  const byConnection = new WeakMap<Kysely<Database>, Compiled>()

  return async (db, params) => {
    let compiled = byConnection.get(db)
    if (!compiled) {
      // A key left out of `keys` would be dropped from the query without a word: refuse it.
      const unlisted = Object.keys(params).filter(key => !keyOf.has(placeholder(key)))
      if (unlisted.length > 0)
        throw new Error(`compiledOnce: parameters not listed in keys: ${unlisted.join(', ')}`)
      const query = build(db, placeholders).compile()
      compiled = {
        sql: query.sql,
        slots: query.parameters.map((value) => {
          const key = typeof value === 'string' ? keyOf.get(value) : undefined
          return key === undefined ? { constant: value } : { key }
        }),
      }
      byConnection.set(db, compiled)
    }
    const values = params as Record<string, unknown>
    const parameters = compiled.slots.map(slot => ('key' in slot ? values[slot.key] : slot.constant))
    return db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters))
  }
}
