import { createHmac } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'

/** The `server_settings` key of the pepper, made by migration 0014 with the keys it rewrote. */
export const OWNER_KEY_PEPPER = 'owner_key_pepper'

/**
 * The key an insured person's actions and uploads are owned under on the server: a keyed hash of
 * the 身份证号码, so the idempotency record and the attachment table name nobody to whoever reads
 * them (a plain hash would not do: there are few enough 身份证号码 to hash them all). Staff
 * accounts are keyed by username, which is not personal data.
 */
export function insuredOwnerKey(pepper: string, idNumber: string): string {
  return `insured:${createHmac('sha256', pepper).update(idNumber).digest('base64url')}`
}

export async function loadOwnerKeyPepper(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('server_settings').select('value').where('key', '=', OWNER_KEY_PEPPER).executeTakeFirstOrThrow()
  return row.value
}
