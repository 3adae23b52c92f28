import { Client } from 'pg'
import { describe, expect, it } from 'vitest'
import { startTemporaryPostgres } from '../../support/postgres.ts'

describe('startTemporaryPostgres', () => {
  it('starts a throw-away server with a yidi_test database and removes it on stop', async () => {
    const postgres = await startTemporaryPostgres()
    // Machines without PostgreSQL binaries get null, and the server tests run on SQLite only.
    if (!postgres)
      return
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
