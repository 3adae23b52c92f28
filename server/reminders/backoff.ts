/** A reminder whose text failed this many times is given up (status `failed`), with the reason logged. */
export const MAX_REMINDER_ATTEMPTS = 5

/** The wait after the first failure; each further failure doubles it (15 min, 30 min, 1 h, 2 h). */
export const FIRST_RETRY_MS = 15 * 60_000

/**
 * When a reminder that has now failed `attempts` times may be tried again, or null when it is
 * given up. The wait grows so that a gateway that is down is not hammered every run, and a
 * deadline days away is still met once it is back.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_REMINDER_ATTEMPTS)
    return null
  return new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (attempts - 1))
}

/**
 * What is kept and logged of a failed send: the error's `code` or name, never its message (a
 * gateway may quote the phone number or the text in it).
 */
export function failureReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined
  const reason = typeof code === 'string' || typeof code === 'number' ? String(code) : error instanceof Error ? error.name : typeof error
  return reason.replaceAll(/\d{5,}/g, '…').slice(0, 80)
}
