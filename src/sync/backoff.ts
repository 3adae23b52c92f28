/** First retry after a failed flush waits up to this long. */
export const BACKOFF_BASE_MS = 1_000
/** Retries never wait longer than this. */
export const BACKOFF_CAP_MS = 5 * 60_000

/**
 * Delay before retry number `attempt` (1 for the first retry): "full jitter" — a random point
 * between 0 and min(cap, base × 2^(attempt-1)) — so a thousand phones that lost the same tower do
 * not all come back in the same second.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1))
  return Math.floor(random() * ceiling)
}
