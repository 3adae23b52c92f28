import type { YidiDatabase } from '../../db/database'
import type { LocalEffect } from '../localEffects'

const tables = (database: YidiDatabase) => [database.trauma]

/** `trauma.sign`: the commitment is listed at the counter at once, marked 待同步 until the server has it. */
export const traumaSignEffect: LocalEffect<'trauma.sign'> = {
  tables,
  async optimistic(database, { payload, createdAt }) {
    await database.trauma.put({ id: payload.commitmentId, status: 'pending', payload, createdAt })
  },
  async applied(database, { payload }, result) {
    await database.trauma.update(payload.commitmentId, { status: 'synced', ...(result ? { receivedAt: result.receivedAt } : {}) })
  },
  async rejected(database, { payload }) {
    await database.trauma.update(payload.commitmentId, { status: 'rejected' })
  },
  async discarded(database, { payload }) {
    await database.trauma.delete(payload.commitmentId)
  },
}
