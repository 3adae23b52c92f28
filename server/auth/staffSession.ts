import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'
import type { TokenSubject } from './caller.ts'

export type StaffSessionState = 'active' | 'ended' | 'password_change_required'

/**
 * Whether a staff token still speaks for its account, read from the account itself on every
 * request (one primary-key read), so a reset password or a disabled account ends every session
 * on every instance at once. A token still bound to a one-time password may only change it.
 */
export async function staffSessionState(db: Kysely<Database>, caller: Exclude<TokenSubject, { role: 'insured' }>): Promise<StaffSessionState> {
  const account = await db.selectFrom('staff_accounts')
    .select(['session_version', 'disabled_at', 'must_change_password'])
    .where('username', '=', caller.username)
    .executeTakeFirst()
  if (!account || account.disabled_at !== null || account.session_version !== caller.sessionVersion)
    return 'ended'
  return account.must_change_password === 1 ? 'password_change_required' : 'active'
}
