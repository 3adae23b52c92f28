import type { YidiDatabase } from './database'

/** This device's stable id, sent with every sync request; made once, kept across sign-outs. */
export async function deviceId(database: YidiDatabase): Promise<string> {
  return database.transaction('rw', database.meta, async () => {
    const existing = (await database.meta.get('deviceId'))?.value
    if (typeof existing === 'string')
      return existing
    const id = crypto.randomUUID()
    await database.meta.put({ key: 'deviceId', value: id })
    return id
  })
}
