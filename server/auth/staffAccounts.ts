import { type Kysely, sql } from 'kysely'
import type { Database } from '../store/index.ts'
import { generatePassword, hashPassword } from './passwords.ts'

export interface NewStaffAccount {
  username: string
  hospitalCode: string
  hospitalName: string
  cityCode: string
}

async function accountRow(account: NewStaffAccount, password: string, now: Date) {
  return {
    username: account.username,
    password_hash: await hashPassword(password),
    role: 'counter',
    hospital_code: account.hospitalCode,
    hospital_name: account.hospitalName,
    city_code: account.cityCode,
    must_change_password: 1,
    session_version: 0,
    disabled_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  }
}

/** Adds a counter account with a one-time password, which it returns; the hash is all that is kept. */
export async function addStaffAccount(db: Kysely<Database>, account: NewStaffAccount, now = new Date()): Promise<string> {
  const password = generatePassword()
  await db.insertInto('staff_accounts').values(await accountRow(account, password, now)).execute()
  return password
}

const nextSessionVersion = sql<number>`session_version + 1`

/**
 * Gives an account a new one-time password and ends its sessions (a lost or shared password is
 * the usual reason); undefined when there is no such account.
 */
export async function resetStaffPassword(db: Kysely<Database>, username: string, now = new Date()): Promise<string | undefined> {
  const password = generatePassword()
  const result = await db.updateTable('staff_accounts')
    .set({ password_hash: await hashPassword(password), must_change_password: 1, session_version: nextSessionVersion, disabled_at: null, updated_at: now.toISOString() })
    .where('username', '=', username)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n ? password : undefined
}

/** Stops an account signing in and ends its sessions; false when there is no such account. */
export async function disableStaffAccount(db: Kysely<Database>, username: string, now = new Date()): Promise<boolean> {
  const result = await db.updateTable('staff_accounts')
    .set({ disabled_at: now.toISOString(), session_version: nextSessionVersion, updated_at: now.toISOString() })
    .where('username', '=', username)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * On the first start of an empty database there is no way to sign in at a counter, and no
 * default password may exist: create one account and return its one-time password to print.
 * Instances starting at once on one database may all get here; `on conflict do nothing` lets
 * exactly one create it, and only that one prints a password. When the directory lists the
 * city, the account is at its first hospital, so the counter's code is one the directory knows.
 */
export async function ensureFirstStaffAccount(db: Kysely<Database>, cityCode: string, hospital?: { code: string, name: string }): Promise<{ username: string, password: string } | undefined> {
  const existing = await db.selectFrom('staff_accounts').select('username').limit(1).executeTakeFirst()
  if (existing)
    return undefined
  const account = hospital
    ? { username: 'counter1', hospitalCode: hospital.code, hospitalName: hospital.name, cityCode }
    : { username: 'counter1', hospitalCode: 'H0001', hospitalName: '示例医院（请用 npm run staff 修改）', cityCode }
  const password = generatePassword()
  const inserted = await db.insertInto('staff_accounts').values(await accountRow(account, password, new Date()))
    .onConflict(conflict => conflict.column('username').doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 ? { username: account.username, password } : undefined
}
