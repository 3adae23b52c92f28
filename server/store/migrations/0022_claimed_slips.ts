import type { Kysely } from 'kysely'

/**
 * `outside_slips.claim_id`: the 手工报销 claim that paid a slip's costs (001 第三十三条 "应将《住院期间
 * 外院检查治疗或定点药店购药单》费用纳入本次住院费用手工报销"). A slip is paid once: by the stay's
 * direct settlement (`settlement_id`) or by one approved claim, never both and never twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outside_slips').addColumn('claim_id', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outside_slips').dropColumn('claim_id').execute()
}
