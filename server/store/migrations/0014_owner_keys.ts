import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { insuredOwnerKey, OWNER_KEY_PEPPER } from '../../auth/ownerKeys.ts'

interface Tables {
  server_settings: { key: string, value: string, updated_at: string }
  applied_actions: { caller: string }
  attachments: { owner: string }
}

const RAW_INSURED_KEY = 'insured:__________________'

/**
 * Owner keys of insured people become keyed hashes of the 身份证号码 (server/auth/ownerKeys.ts):
 * the pepper is made here, once, and every key written before is rewritten with it, so a replayed
 * action or an earlier upload still belongs to the same person.
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Tables>
  await db.insertInto('server_settings')
    .values({ key: OWNER_KEY_PEPPER, value: randomBytes(32).toString('base64url'), updated_at: new Date().toISOString() })
    .onConflict(conflict => conflict.column('key').doNothing())
    .execute()
  const { value: pepper } = await db.selectFrom('server_settings').select('value').where('key', '=', OWNER_KEY_PEPPER).executeTakeFirstOrThrow()
  const rekey = async (table: 'applied_actions' | 'attachments', column: 'caller' | 'owner') => {
    const keys = await db.selectFrom(table).select(sql<string>`${sql.ref(column)}`.as('key')).distinct()
      .where(sql.ref(column), 'like', RAW_INSURED_KEY).execute()
    for (const { key } of keys) {
      await db.updateTable(table).set({ [column]: insuredOwnerKey(pepper, key.slice('insured:'.length)) })
        .where(sql.ref(column), '=', key).execute()
    }
  }
  await rekey('applied_actions', 'caller')
  await rekey('attachments', 'owner')
}

/** The hashes cannot be turned back into numbers: going down keeps them. */
export async function down(): Promise<void> {}
