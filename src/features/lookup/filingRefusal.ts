import { db } from '../../db/database'

/** The server's reason for the latest refused action about this filing, if one is waiting to be fixed. */
export async function refusalFor(filingId: string) {
  const refused = await db.outbox.where('subject').equals(filingId).filter(entry => entry.status === 'rejected').sortBy('createdAt')
  return refused.at(-1)?.error
}
