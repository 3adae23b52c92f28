import { maskIdNumber } from './mask'

/**
 * The key an account's actions and files are kept under, on the server and the device alike:
 * one insured person by 身份证号码, or one staff account (counter or agency) by username.
 */
export type AccountRef = { role: 'insured', idNumber: string } | { role: 'counter' | 'agency', username: string }

export function accountKey(account: AccountRef): string {
  return account.role === 'insured' ? `insured:${account.idNumber}` : `staff:${account.username}`
}

/** How a key may be shown to someone else: a staff username, or a masked 身份证号码. */
export function accountLabel(key: string): string {
  const [kind, who = ''] = key.split(/:(.*)/)
  return kind === 'insured' ? maskIdNumber(who) : who
}
