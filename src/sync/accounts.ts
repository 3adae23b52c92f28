import type { OutboxEntry } from '../db/database'
import { accountLabel } from '../domain/identity/accountKey'

/** True when the action was made under another account than `account`, and must wait for it. */
export function madeByAnother(entry: Pick<OutboxEntry, 'account'>, account: string | undefined): boolean {
  return entry.account !== undefined && entry.account !== account
}

/**
 * Who must sign in for the action to be sent, as the outbox shows it — a staff username or a
 * masked 身份证号码 — or undefined when the account signed in now sends it.
 */
export function waitingFor(entry: Pick<OutboxEntry, 'account'>, account: string | undefined): string | undefined {
  return entry.account && madeByAnother(entry, account) ? accountLabel(entry.account) : undefined
}
