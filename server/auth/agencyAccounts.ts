import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'
import { generatePassword, hashPassword } from './passwords.ts'

/** A 参保地 agency (经办机构) staff account: it reviews the 手工报销 claims of one 统筹区. */
export interface NewAgencyAccount {
  username: string
  agencyName: string
  /** The 统筹区 code whose insured people's claims this account sees, and no other. */
  regionCode: string
}

/**
 * Adds an agency account with a one-time password, which it returns, as counter accounts are
 * made: the hash is all that is kept and the password must be changed at first sign-in. It lives
 * in `staff_accounts` with role `agency`; the 统筹区 is kept where a counter keeps its city.
 */
export async function addAgencyAccount(db: Kysely<Database>, account: NewAgencyAccount, now = new Date()): Promise<string> {
  const password = generatePassword()
  await db.insertInto('staff_accounts').values({
    username: account.username,
    password_hash: await hashPassword(password),
    role: 'agency',
    hospital_code: '',
    hospital_name: account.agencyName,
    city_code: account.regionCode,
    must_change_password: 1,
    session_version: 0,
    disabled_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }).execute()
  return password
}
