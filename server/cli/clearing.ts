/**
 * `npm run clearing -- close 2026-10 --hospital H001`: closes (清算) a hospital's month and prints
 * its totals. Refunds of that month book into the next open one from then on.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadEnv } from '../env.ts'
import { closePeriod } from '../settlement/clearing.ts'
import { openStore } from '../store/index.ts'

const { positionals, values } = parseArgs({ allowPositionals: true, options: { hospital: { type: 'string' } } })
const [command, month] = positionals
if (command !== 'close' || !month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || !values.hospital) {
  console.error('用法：npm run clearing -- close <YYYY-MM> --hospital <医院编码>')
  process.exit(2)
}
const env = loadEnv()
const store = await openStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { sqliteFile: join(env.YIDI_DATA_DIR, 'yidi.sqlite') })
try {
  const totals = await closePeriod(store.db, values.hospital, month)
  const yuan = (fen: number) => (fen / 100).toFixed(2)
  console.log(`${values.hospital} ${month} 已清算：基金支付 ${yuan(totals.fundFen)} 元，个人支付 ${yuan(totals.cashFen)} 元；本期冲销 基金 ${yuan(totals.reversedFundFen)} 元、个人 ${yuan(totals.reversedCashFen)} 元`)
}
finally {
  await store.close()
}
