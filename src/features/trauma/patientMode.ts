/**
 * Patient mode: the counter hands the tablet to a patient showing only the commitment form.
 * Leaving it takes the staff password, checked by the server. Offline the password cannot be
 * checked — and the tablet keeps no verifier of it on purpose: one stored here could be guessed at
 * leisure by whoever holds the tablet and would then open the real account. So at hand-over the
 * staff choose a 4–6 digit unlock PIN, kept only as a salted PBKDF2 hash for this one hand-over;
 * wrong guesses make the next try wait longer. Kept in sessionStorage: a reload stays locked.
 */
interface PatientModeState {
  pin: { salt: string, hash: string, iterations: number }
  failedPins: number
  /** A wrong-PIN streak makes the next try wait until then (ms since epoch). */
  retryAfter?: number
}

const KEY = 'yidi:patient-mode'
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

function readState(): PatientModeState | undefined {
  const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY)
  return raw ? JSON.parse(raw) as PatientModeState : undefined
}

export async function enterPatientMode(pin: string, iterations = PIN_ITERATIONS): Promise<void> {
  if (!isUnlockPin(pin))
    throw new RangeError('an unlock PIN has 4 to 6 digits')
  const salt = toHex(crypto.getRandomValues(new Uint8Array(16)))
  const state: PatientModeState = { pin: { salt, hash: await hashPin(pin, salt, iterations), iterations }, failedPins: 0 }
  sessionStorage.setItem(KEY, JSON.stringify(state))
}

export function leavePatientMode(): void {
  sessionStorage.removeItem(KEY)
}

export function inPatientMode(): boolean {
  return readState() !== undefined
}

/** Leaves patient mode when the PIN is right; otherwise says how long to wait before the next try. */
export async function unlockWithPin(pin: string, now = Date.now()): Promise<{ ok: true } | { ok: false, waitSeconds: number }> {
  const state = readState()
  if (!state)
    return { ok: true }
  if (state.retryAfter && now < state.retryAfter)
    return { ok: false, waitSeconds: Math.ceil((state.retryAfter - now) / 1000) }
  if (isUnlockPin(pin) && await hashPin(pin, state.pin.salt, state.pin.iterations) === state.pin.hash) {
    leavePatientMode()
    return { ok: true }
  }
  const failedPins = state.failedPins + 1
  const wait = pinWaitSeconds(failedPins)
  sessionStorage.setItem(KEY, JSON.stringify({ ...state, failedPins, ...(wait > 0 ? { retryAfter: now + wait * 1000 } : {}) }))
  return { ok: false, waitSeconds: wait }
}
