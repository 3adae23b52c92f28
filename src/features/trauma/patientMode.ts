import type { LocationQuery, RouteLocationNormalized } from 'vue-router'
import { db as appDb, type DeviceLock, type YidiDatabase } from '../../db/database'
import { setPatientModeHint } from './patientModeHint'

/**
 * Patient mode: the counter hands the tablet to a patient showing only the commitment form.
 * Leaving it takes the staff password, checked by the server. Offline the password cannot be
 * checked — and the tablet keeps no verifier of it on purpose: one stored here could be guessed at
 * leisure by whoever holds the tablet and would then open the real account. So at hand-over the
 * staff choose a 4–6 digit unlock PIN, kept only as a salted PBKDF2 hash for this one hand-over;
 * wrong guesses make the next try wait longer.
 *
 * The lock belongs to the device, not to a tab: it is kept in IndexedDB (`locks`), so a new tab,
 * a typed URL or a browser restart finds it, and every open tab follows it live (liveQuery).
 */
const LOCK_KEY = 'patient-mode'
/** Where a tab kept the lock before it belonged to the device; adopted once on the next navigation. */
const TAB_LOCK_KEY = 'yidi:patient-mode'
export const PIN_ITERATIONS = 210_000
const FREE_TRIES = 5

export function isUnlockPin(value: string): boolean {
  return /^\d{4,6}$/.test(value)
}

const toHex = (bytes: ArrayBuffer | Uint8Array) => Array.from(new Uint8Array(bytes), byte => byte.toString(16).padStart(2, '0')).join('')

/** PBKDF2-SHA256 of the PIN with its salt (WebCrypto, works offline). */
export async function hashPin(pin: string, saltHex: string, iterations = PIN_ITERATIONS): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const salt = Uint8Array.from(saltHex.match(/../g) ?? [], pair => Number.parseInt(pair, 16))
  return toHex(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256))
}

/** Seconds to wait after `failed` wrong PINs: five free tries, then 30 s doubling up to 15 minutes. */
export function pinWaitSeconds(failed: number): number {
  return failed < FREE_TRIES ? 0 : Math.min(30 * 2 ** (failed - FREE_TRIES), 15 * 60)
}

export interface HandOver {
  /** The staff account handing over (`displayName`): its password unlocks the tablet. */
  staff?: string | undefined
  /** The commitment's admission, so the patient's form (and its draft) is found again after a restart. */
  resume?: { admissionId?: string | undefined, after?: string | undefined } | undefined
  /** PBKDF2 iterations; tests use fewer. */
  iterations?: number
}

export async function enterPatientMode(pin: string, handOver: HandOver = {}, database: YidiDatabase = appDb): Promise<void> {
  if (!isUnlockPin(pin))
    throw new RangeError('an unlock PIN has 4 to 6 digits')
  const { staff, resume = {}, iterations = PIN_ITERATIONS } = handOver
  const salt = toHex(crypto.getRandomValues(new Uint8Array(16)))
  await database.locks.put({
    key: LOCK_KEY,
    pin: { salt, hash: await hashPin(pin, salt, iterations), iterations },
    failedPins: 0,
    ...(staff ? { staff } : {}),
    resume: {
      ...(resume.admissionId ? { admissionId: resume.admissionId } : {}),
      ...(resume.after ? { after: resume.after } : {}),
    },
    lockedAt: new Date().toISOString(),
  })
  setPatientModeHint(true)
}

/** The lock as the device holds it; undefined when the tablet is free. Safe inside a liveQuery. */
export function readPatientLock(database: YidiDatabase = appDb): Promise<DeviceLock | undefined> {
  return database.locks.get(LOCK_KEY)
}

export async function inPatientMode(database: YidiDatabase = appDb): Promise<boolean> {
  return await readPatientLock(database) !== undefined
}

/** Frees the tablet on every tab (after the staff password, or from `unlockWithPin`). */
export async function leavePatientMode(database: YidiDatabase = appDb): Promise<void> {
  await database.locks.delete(LOCK_KEY)
  setPatientModeHint(false)
}

/**
 * Leaves patient mode when the PIN is right; otherwise says how long to wait before the next try.
 * Each try is counted before the slow hash is computed, in one transaction, so guesses made in
 * two tabs at once share one count and one wait.
 */
export async function unlockWithPin(pin: string, now = Date.now(), database: YidiDatabase = appDb): Promise<{ ok: true } | { ok: false, waitSeconds: number }> {
  type Attempt = { kind: 'free' } | { kind: 'wait', seconds: number } | { kind: 'try', lock: DeviceLock, wait: number }
  const attempt = await database.transaction('rw', database.locks, async (): Promise<Attempt> => {
    const lock = await database.locks.get(LOCK_KEY)
    if (!lock)
      return { kind: 'free' }
    if (lock.retryAfter && now < lock.retryAfter)
      return { kind: 'wait', seconds: Math.ceil((lock.retryAfter - now) / 1000) }
    const { retryAfter: _previous, ...rest } = lock
    const failedPins = lock.failedPins + 1
    const wait = pinWaitSeconds(failedPins)
    await database.locks.put({ ...rest, failedPins, ...(wait > 0 ? { retryAfter: now + wait * 1000 } : {}) })
    return { kind: 'try', lock, wait }
  })
  if (attempt.kind === 'free')
    return { ok: true }
  if (attempt.kind === 'wait')
    return { ok: false, waitSeconds: attempt.seconds }
  const { lock, wait } = attempt
  if (isUnlockPin(pin) && await hashPin(pin, lock.pin.salt, lock.pin.iterations) === lock.pin.hash) {
    await leavePatientMode(database)
    return { ok: true }
  }
  return { ok: false, waitSeconds: wait }
}

/** The one screen a locked tablet shows: the patient's form of this hand-over. */
export function patientModeLocation(lock: DeviceLock): { name: 'trauma-sign', query: Record<string, string> } {
  return { name: 'trauma-sign', query: { ...lock.resume } }
}

const queryText = (query: LocationQuery, name: string) => (typeof query[name] === 'string' ? query[name] : undefined)

/**
 * A tab that still holds a lock of the old per-tab kind (open during an update) hands it to the
 * device instead of dropping it on the reload.
 */
async function adoptTabLock(database: YidiDatabase): Promise<void> {
  const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TAB_LOCK_KEY)
  if (!raw)
    return
  try {
    const old = JSON.parse(raw) as Pick<DeviceLock, 'pin' | 'failedPins' | 'retryAfter'>
    if (!await readPatientLock(database)) {
      await database.locks.put({ key: LOCK_KEY, pin: old.pin, failedPins: old.failedPins, ...(old.retryAfter ? { retryAfter: old.retryAfter } : {}), resume: {}, lockedAt: new Date().toISOString() })
      setPatientModeHint(true)
    }
  }
  finally {
    sessionStorage.removeItem(TAB_LOCK_KEY)
  }
}

/**
 * The router's answer while the device is locked: every screen but the patient's form of this
 * hand-over (with its admission, so its draft is the one shown) leads back to that form.
 */
export async function patientModeRoute(to: RouteLocationNormalized, database: YidiDatabase = appDb): Promise<true | ReturnType<typeof patientModeLocation>> {
  await adoptTabLock(database)
  const lock = await readPatientLock(database)
  setPatientModeHint(lock !== undefined)
  if (!lock)
    return true
  const form = patientModeLocation(lock)
  if (to.name === form.name && queryText(to.query, 'admissionId') === lock.resume.admissionId && queryText(to.query, 'after') === lock.resume.after)
    return true
  return form
}
