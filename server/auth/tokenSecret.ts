import { randomBytes } from 'node:crypto'
import type { Store } from '../store/index.ts'

const KEY = 'session_token_secret'

/**
 * The secret that protects session tokens: `YIDI_TOKEN_SECRET` when set (several instances must
 * share it), else one generated on first start and kept in the database, so a restart does not
 * sign everybody out.
 */
export async function resolveTokenSecret(store: Store, configured?: string): Promise<string> {
  if (configured)
    return configured
  const fresh = randomBytes(32).toString('base64url')
  await store.db.insertInto('server_settings')
    .values({ key: KEY, value: fresh, updated_at: new Date().toISOString() })
    .onConflict(conflict => conflict.column('key').doNothing())
    .execute()
  const row = await store.db.selectFrom('server_settings').select('value').where('key', '=', KEY).executeTakeFirstOrThrow()
  return row.value
}
