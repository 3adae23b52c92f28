import type { YidiDatabase } from '../../db/database'

/** The server's reason for the latest refused action about this filing, if one is waiting to be fixed. */
export async function refusalFor(database: YidiDatabase, filingId: string) {
  const refused = await database.outbox.where('subject').equals(filingId).filter(entry => entry.status === 'rejected').sortBy('createdAt')
  return refused.at(-1)?.error
}
