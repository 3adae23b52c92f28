import type { YidiDatabase } from '../../db/database'
import type { LocalEffect } from '../localEffects'

const tables = (database: YidiDatabase) => [database.trauma]

/** `trauma.sign`: the commitment is listed at the counter at once, marked 待同步 until the server has it. */
export const traumaSignEffect: LocalEffect = {
  tables,
  async optimistic(database, entry) {
    const payload = entry.payload as { commitmentId: string } & Record<string, unknown>
    await database.trauma.put({ id: payload.commitmentId, status: 'pending', payload, createdAt: entry.createdAt })
  },
  async applied(database, entry, result) {
    const { receivedAt } = (result ?? {}) as { receivedAt?: string }
    await database.trauma.update((entry.payload as { commitmentId: string }).commitmentId, { status: 'synced', ...(receivedAt ? { receivedAt } : {}) })
  },
  async rejected(database, entry) {
    await database.trauma.update((entry.payload as { commitmentId: string }).commitmentId, { status: 'rejected' })
  },
  async discarded(database, entry) {
    await database.trauma.delete((entry.payload as { commitmentId: string }).commitmentId)
  },
}
