import { afterEach, describe, expect, it, vi } from 'vitest'
import { YidiDatabase } from '../../../src/db/database'
import { readVerifierData, refreshVerifierData } from '../../../src/features/counter/verify/verifierCache'

let database: YidiDatabase | undefined
afterEach(async () => {
  vi.unstubAllGlobals()
  await database?.delete()
  database = undefined
})

/** A server whose revocation feed holds `entries`, served a page of two at a time after `since`. */
function serveFeed(entries: { filingNumber: string, revokedAt: string, reason: string }[]) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    if (url.endsWith('/keys'))
      return Response.json({ keys: [] })
    if (url.endsWith('/counter/credential-keys'))
      return Response.json({ keys: [{ province: '440000', key: 'guangdong-key' }] })
    const since = Number(new URL(url, 'http://device').searchParams.get('since'))
    const page = entries.slice(since, since + 2)
    return Response.json({ revoked: page, cursor: since + page.length })
  }))
}

describe('the counter\'s offline copy of the revocation feed', () => {
  it('Hebei 第十九条: a hold and its lifting are kept in feed order, apart from revocations', async () => {
    database = new YidiDatabase(`verifier-${crypto.randomUUID()}`)
    serveFeed([
      { filingNumber: 'A', revokedAt: '2026-11-01T00:00:00Z', reason: 'benefits_frozen' },
      { filingNumber: 'B', revokedAt: '2026-11-02T00:00:00Z', reason: 'benefits_suspended' },
      { filingNumber: 'C', revokedAt: '2026-11-03T00:00:00Z', reason: 'cancelled' },
      { filingNumber: 'A', revokedAt: '2026-11-04T00:00:00Z', reason: 'benefits_restored' },
      { filingNumber: 'B', revokedAt: '2026-11-05T00:00:00Z', reason: 'benefits_frozen' },
    ])
    await refreshVerifierData(database, 'token')
    const data = await readVerifierData(database)
    expect(data.holds).toEqual({ B: 'frozen' })
    expect(data.revokedAt).toEqual({ C: '2026-11-03T00:00:00Z' })
  })

  it('a copy stored before holds existed is read again from the start, so no hold is missed', async () => {
    database = new YidiDatabase(`verifier-${crypto.randomUUID()}`)
    await database.meta.put({ key: 'revocations', value: { cursor: 1, fetchedAt: '2026-11-01T00:00:00Z', revokedAt: {} } })
    serveFeed([{ filingNumber: 'A', revokedAt: '2026-11-01T00:00:00Z', reason: 'benefits_frozen' }])
    await refreshVerifierData(database, 'token')
    expect((await readVerifierData(database)).holds).toEqual({ A: 'frozen' })
  })

  it('keeps the 就医地 province\'s ID-tag key for offline 冒用 checks, and keeps it when a refresh fails', async () => {
    database = new YidiDatabase(`verifier-${crypto.randomUUID()}`)
    serveFeed([])
    await refreshVerifierData(database, 'token')
    expect((await readVerifierData(database)).idTagKeys).toEqual({ 440000: 'guangdong-key' })
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline') }))
    await expect(refreshVerifierData(database, 'token')).rejects.toBeDefined()
    expect((await readVerifierData(database)).idTagKeys).toEqual({ 440000: 'guangdong-key' })
  })
})
