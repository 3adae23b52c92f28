/**
 * The answer of every rule check: either ok, or a stable machine code with a zh-CN message a
 * person can act on. Codes are part of the sync contract (DESIGN §4) and never change meaning.
 */
export type RuleResult<Code extends string = string> =
  | { ok: true }
  | { ok: false, code: Code, message: string }

/** The ok answer, shared so callers can compare by shape. */
export const OK: { ok: true } = Object.freeze({ ok: true })

/** A refusal with its stable code and zh-CN message. */
export function refuse<Code extends string>(code: Code, message: string): { ok: false, code: Code, message: string } {
  return { ok: false, code, message }
}
