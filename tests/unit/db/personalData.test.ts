import { afterEach, describe, expect, it } from 'vitest'
import { YidiDatabase } from '../../../src/db/database'
import { saveDraft } from '../../../src/db/drafts'
import { clearPersonalData, DEVICE_META_KEYS, DEVICE_TABLES } from '../../../src/db/personalData'
import { beginSession, readSession, type StoredSession, writeSession } from '../../../src/db/session'

let database: YidiDatabase

afterEach(async () => {
  await database.delete()
})

async function fillEveryTable(db: YidiDatabase) {
  await db.outbox.add({ id: 'x', type: 'filing.create', payload: { idNumber: '11010519491231002X' } as never, createdAt: '2026-11-22T00:00:00.000Z', status: 'pending', attempts: 0 })
  await saveDraft(db, 'filing:new', { name: '张三' })
  await db.filings.add({ id: 'x', status: 'synced', record: { filing: {} as never, holder: { name: '张三', idNumber: '11010519491231002X' }, relation: 'own' }, updatedAt: '2026-11-22T00:00:00.000Z' })
  await db.attachments.add({ id: 'a', blob: new Blob(['x']), mime: 'image/png', name: 'a.png', size: 1, createdAt: '2026-11-22T00:00:00.000Z' })
  await db.trauma.add({ id: 't', status: 'pending', payload: { patient: { idNumber: '11010519491231002X' } } as never, createdAt: '2026-11-22T00:00:00.000Z' })
  await db.hospitals.add({ code: 'H53010200001', name: '昆明市第一人民医院（示例）', city: '530100', level: 'tertiary', address: '昆明市', phone: null, inpatient: true, outpatient: true, chronic: true, canRefer: true, sample: true, savedAt: '2026-11-22T00:00:00.000Z' })
  await db.locks.add({ key: 'patient-mode', pin: { salt: '00', hash: 'ab', iterations: 1000 }, failedPins: 0, resume: {}, lockedAt: '2026-11-22T00:00:00.000Z' })
  await db.meta.bulkPut([
    { key: 'deviceId', value: 'device-1' },
    { key: 'session', value: { token: 't' } },
  ])
  for (const table of db.tables)
    expect(await table.count(), `${table.name} filled`).toBeGreaterThan(0)
}

describe('clearing personal data (sign-out)', () => {
  it('empties every personal table and keeps only device settings', async () => {
    database = new YidiDatabase(`clear-${crypto.randomUUID()}`)
    await fillEveryTable(database)

    await clearPersonalData(database)

    for (const table of database.tables) {
      if (table.name === 'meta' || DEVICE_TABLES.includes(table.name))
        continue
      expect(await table.count(), `${table.name} cleared`).toBe(0)
    }
    expect(await database.hospitals.count(), 'the public hospital directory kept').toBe(1)
    expect(await database.locks.count(), 'patient mode stays locked').toBe(1)
    const metaKeys = (await database.meta.toArray()).map(entry => entry.key)
    expect(metaKeys).not.toContain('session')
    expect(metaKeys.every(key => DEVICE_META_KEYS.includes(key))).toBe(true)
    expect(metaKeys).toContain('deviceId')
  })
})

describe('another person signing in on this phone', () => {
  const insured = (idNumber: string, expiresAt = '2099-01-01T00:00:00.000Z'): StoredSession => ({ token: `t-${idNumber}`, expiresAt, role: 'insured', displayName: idNumber, account: `insured:${idNumber}` })
  const first = '11010519491231002X'
  const second = '110105194912310037'

  it('over an expired session, removes the first person\'s records but keeps their unsent actions for their next sign-in', async () => {
    database = new YidiDatabase(`switch-${crypto.randomUUID()}`)
    await fillEveryTable(database)
    await database.outbox.add({ id: 'done', type: 'filing.create', payload: {} as never, createdAt: '2026-11-21T00:00:00.000Z', status: 'applied', attempts: 1, result: { filing: {} } })
    await database.attachments.add({ id: 'sent', blob: new Blob(['y']), mime: 'image/png', name: 'b.png', size: 1, createdAt: '2026-11-22T00:00:00.000Z', uploadedAt: '2026-11-22T00:01:00.000Z' })
    await writeSession(database, insured(first, '2026-11-01T00:00:00.000Z'))

    await beginSession(database, insured(second))

    expect(await database.filings.count()).toBe(0)
    expect(await database.drafts.count()).toBe(0)
    expect(await database.trauma.count()).toBe(0)
    expect((await database.outbox.toArray()).map(entry => entry.id)).toEqual(['x'])
    expect((await database.attachments.toArray()).map(attachment => attachment.id)).toEqual(['a'])
    expect((await readSession(database))?.account).toBe(`insured:${second}`)
    expect((await database.meta.get('deviceId'))?.value).toBe('device-1')
  })

  it('the same person signing in again keeps everything', async () => {
    database = new YidiDatabase(`same-${crypto.randomUUID()}`)
    await fillEveryTable(database)
    await writeSession(database, insured(first, '2026-11-01T00:00:00.000Z'))

    await beginSession(database, insured(first))

    for (const table of database.tables)
      expect(await table.count(), `${table.name} kept`).toBeGreaterThan(0)
  })
})
