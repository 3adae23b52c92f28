import { PostgresDialect } from 'kysely'
import { Pool } from 'pg'

/**
 * A Kysely dialect over a `pg` pool. The URL may carry `?options=-c search_path=…` to select a
 * schema (the server tests give every open its own schema that way).
 */
export function createPostgresDialect(databaseUrl: string): PostgresDialect {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 })
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  return new PostgresDialect({ pool })
}
