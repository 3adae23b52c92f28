import { afterEach, describe, expect, it } from 'vitest'
import { YidiDatabase } from '../../../src/db/database'
import { saveDraft } from '../../../src/db/drafts'
import { clearPersonalData, DEVICE_META_KEYS } from '../../../src/db/personalData'

let database: YidiDatabase

afterEach(async () => {
  await database.delete()
})

async function fillEveryTable(db: YidiDatabase) {
  await db.outbox.add({ id: 'x', type: 'filing.create', payload: { idNumber: '11010519491231002X' }, createdAt: '2026-11-22T00:00:00.000Z', status: 'pending', attempts: 0 })
  await saveDraft(db, 'filing:new', { name: '张三' })
  await db.filings.add({ id: 'x', status: 'synced', record: { filing: {} as never, holder: { name: '张三', idNumber: '11010519491231002X' }, relation: 'own' }, updatedAt: '2026-11-22T00:00:00.000Z' })
  await db.attachments.add({ id: 'a', blob: new Blob(['x']), mime: 'image/png', name: 'a.png', size: 1, createdAt: '2026-11-22T00:00:00.000Z' })
  await db.trauma.add({ id: 't', status: 'pending', payload: { patient: { idNumber: '11010519491231002X' } }, createdAt: '2026-11-22T00:00:00.000Z' })
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
      if (table.name === 'meta')
        continue
      expect(await table.count(), `${table.name} cleared`).toBe(0)
    }
    const metaKeys = (await database.meta.toArray()).map(entry => entry.key)
    expect(metaKeys).not.toContain('session')
    expect(metaKeys.every(key => DEVICE_META_KEYS.includes(key))).toBe(true)
    expect(metaKeys).toContain('deviceId')
  })
})
