import type { MyInsuranceResponse } from '../domain/schemas/registry'
import type { YidiDatabase } from './database'
import { clearPersonalData } from './personalData'

/** Who is signed in on this device. Kept in IndexedDB so an offline reload stays signed in. */
export interface StoredSession {
  token: string
  expiresAt: string
  role: 'insured' | 'counter'
  /** What the UI may show: masked identity or the staff account and hospital. */
  displayName: string
  /**
   * Whose actions this session sends: `staff:<username>` or `insured:<身份证号码>`. Actions made
   * under one account are never sent under another (an idle counter's audit entries wait for
   * that staff member, not whoever signs in next). Absent on sessions stored before it existed.
   */
  account?: string
  hospital?: { code: string, name: string, cityCode: string }
  /**
   * An insured person's 参保登记 as the server holds it (DOMAIN §13), so the filing wizard shows
   * 参保地 and 险种 from it, offline too. Leaves the device with the session.
   */
  insurance?: MyInsuranceResponse['records']
}

const SESSION_KEY = 'session'

export async function readSession(database: YidiDatabase): Promise<StoredSession | undefined> {
  return (await database.meta.get(SESSION_KEY))?.value as StoredSession | undefined
}

export async function writeSession(database: YidiDatabase, session: StoredSession): Promise<void> {
  await database.meta.put({ key: SESSION_KEY, value: session })
}

/**
 * Starts a session. When another account signs in over a session that ended without signing out
 * (an expired one on a shared phone), the previous person's records leave the device first; only
 * their unsent actions stay, to be sent when they sign in again.
 */
export async function beginSession(database: YidiDatabase, next: StoredSession): Promise<void> {
  const previous = await readSession(database)
  if (previous && previous.account !== next.account)
    await clearPersonalData(database, { keepUnsent: true })
  await writeSession(database, next)
}

/** Forgets the session only: what waits in the outbox stays and is sent after the next sign-in. */
export async function endSession(database: YidiDatabase): Promise<void> {
  await database.meta.delete(SESSION_KEY)
}
