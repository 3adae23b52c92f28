import { Client } from 'pg'
import { describe, expect, it } from 'vitest'
import { findPostgresBin, startTemporaryPostgres } from '../../support/postgres.ts'

// Machines without PostgreSQL binaries run the server tests on SQLite only: this test shows as
// skipped there, with the reason in its name, instead of passing without checking anything.
const noPostgres = findPostgresBin() === undefined
const skipReason = noPostgres ? ' (skipped: no PostgreSQL under /usr/lib/postgresql)' : ''

describe('startTemporaryPostgres', () => {
  it.skipIf(noPostgres)(`starts a throw-away server with a yidi_test database and removes it on stop${skipReason}`, async () => {
    const postgres = await startTemporaryPostgres()
    if (!postgres)
      throw new Error('PostgreSQL binaries were found, yet no server started')
    expect(postgres.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/yidi_test$/)
    const client = new Client({ connectionString: postgres.url })
    await client.connect()
    const { rows } = await client.query<{ database: string }>('select current_database() as database')
    expect(rows[0]?.database).toBe('yidi_test')
    await client.end()
    await postgres.stop()
    const stopped = new Client({ connectionString: postgres.url })
    await expect(stopped.connect()).rejects.toThrow()
  })
})
