import type { RouteLocationNormalized } from 'vue-router'

/**
 * Counter screens need a counter session; anyone else is sent to the counter sign-in and comes
 * back to where they were going. The session module loads only when a counter route is opened.
 */
export async function requireCounterSession(to: RouteLocationNormalized) {
  const [{ db }, { readSession }] = await Promise.all([import('../../db/database'), import('../../db/session')])
  const session = await readSession(db)
  if (session?.role === 'counter' && Date.parse(session.expiresAt) > Date.now())
    return true
  return { name: 'counter-sign-in', query: { next: to.fullPath } }
}
