import { hkdfSync, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { idTagKeyInfo } from '../../src/domain/credential/idTag.ts'
import type { Database } from '../store/index.ts'

const SECRET_KEY = 'credential_id_tag_secret'

/**
 * The server secret the counters' ID-tag keys derive from (src/domain/credential/idTag.ts for
 * why), made on first use and kept with the server's settings so every instance and every
 * restart derives the same keys. It never leaves the server; only derived keys do.
 */
export async function idTagSecret(db: Kysely<Database>): Promise<Buffer> {
  await db.insertInto('server_settings')
    .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url'), updated_at: new Date().toISOString() })
    .onConflict(conflict => conflict.column('key').doNothing())
    .execute()
  const row = await db.selectFrom('server_settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow()
  return Buffer.from(row.value, 'base64url')
}

/** The HMAC key of one 就医地 province (`440000`): HKDF-SHA256 of the secret, 32 bytes. */
export function provinceIdTagKey(secret: Buffer, province: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, new Uint8Array(0), idTagKeyInfo(province), 32))
}
