/**
 * Why an action or a request was refused, in the one shape the rulebook, the server, the outbox
 * and the screens share (DESIGN §4): a stable machine `code`, a zh-CN `message` a person can act
 * on, and the dotted `field` at fault when there is one, so a form shows it next to that field.
 */
export interface Refusal {
  code: string
  message: string
  field?: string
}

/** A refusal, with `field` only when it names one. */
export function refusal(code: string, message: string, field?: string): Refusal {
  return { code, message, ...(field ? { field } : {}) }
}
