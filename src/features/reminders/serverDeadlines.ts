import { ApiProblem, callApi } from '../../api'
import { db as defaultDb, type YidiDatabase } from '../../db/database'
import { readSession } from '../../db/session'
import type { Deadline } from '../../domain/reminders/deadline'
import { serverDeadlinesSchema } from '../../domain/schemas/reminders'

/** The meta key of the deadlines last fetched from the server (personal: cleared at sign-out). */
export const SERVER_DEADLINES_KEY = 'serverDeadlines'

/**
 * Fetches the deadlines only the server's records know (an emergency admission's 补办, a stay to
 * claim by hand) and keeps them on the device, so the list and the badge show them offline after
 * one visit online. Signed out, offline or refused, the copy already kept stays as it is.
 */
export async function refreshServerDeadlines(database: YidiDatabase = defaultDb): Promise<void> {
  const session = await readSession(database)
  if (session?.role !== 'insured' || !navigator.onLine)
    return
  let reply: unknown
  try {
    reply = await callApi('/me/deadlines', { token: session.token })
  }
  catch (error) {
    if (error instanceof ApiProblem)
      return
    throw error
  }
  const parsed = serverDeadlinesSchema.safeParse(reply)
  if (parsed.success)
    await database.meta.put({ key: SERVER_DEADLINES_KEY, value: parsed.data.deadlines })
}

/** The server's deadlines as last kept on this device; none before the first visit online. */
export async function cachedServerDeadlines(database: YidiDatabase = defaultDb): Promise<Deadline[]> {
  const kept = (await database.meta.get(SERVER_DEADLINES_KEY))?.value
  const parsed = serverDeadlinesSchema.shape.deadlines.safeParse(kept)
  return parsed.success ? parsed.data : []
}
