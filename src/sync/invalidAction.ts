import type { Refusal } from '../domain/refusal'

/**
 * Thrown when a payload fails its rulebook schema before it is queued; carries the refusal with
 * the field at fault. Kept apart from `enqueue` so a screen can catch it without loading the
 * rulebook's schemas with its first paint.
 */
export class InvalidActionError extends Error {
  constructor(readonly reason: Refusal) {
    super(reason.message)
    this.name = 'InvalidActionError'
  }
}
