/**
 * `npm run dev`: the API server on a private port plus Vite's dev server (hot reload) in front
 * of it, proxying `/api`, on `PORT` when set (else Vite's 5173). Open the URL Vite prints; the
 * sign-in page shows the one-time code, and the console prints it on a line of its own.
 */
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createServer } from 'vite'
import { createApp } from '../app.ts'
import { consoleCodeSender } from '../auth/codeSender.ts'
import { ensureFirstStaffAccount } from '../auth/staffAccounts.ts'
import { loadEnv } from '../env.ts'
import { firstHospitalOf } from '../hospitals/repository.ts'
import { seedSampleHospitals } from '../hospitals/sampleHospitals.ts'
import { createLogger } from '../http/logger.ts'
import { scheduleSweep } from '../retention/scheduleSweep.ts'
import { openStore } from '../store/index.ts'

try {
  const env = loadEnv()
  const store = await openStore(env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL }
    : { sqliteFile: join(env.YIDI_DATA_DIR, 'yidi.sqlite') })
  const sampleHospitals = await seedSampleHospitals(store.db)
  if (sampleHospitals)
    console.log(`定点医疗机构目录为空，已写入 ${sampleHospitals.length} 家示例医院`)
  const firstAccount = await ensureFirstStaffAccount(store.db, env.YIDI_FIRST_COUNTER_CITY, await firstHospitalOf(store.db, env.YIDI_FIRST_COUNTER_CITY))
  if (firstAccount)
    console.log(`首个医保窗口账号：${firstAccount.username}，一次性密码 ${firstAccount.password}`)
  const logger = createLogger({ level: env.LOG_LEVEL })
  const sweep = scheduleSweep({ store, logger })
  // Development: sign-in replies carry the one-time code, so no SMS gateway is needed.
  const api = createApp({ store, logger, devEchoCode: true, codeSender: consoleCodeSender(logger) })
    .listen(0, '127.0.0.1')
  await new Promise(resolve => api.once('listening', resolve))
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`

  const port = process.env.PORT ? { port: env.PORT, strictPort: true } : {}
  const vite = await createServer({ server: { ...port, proxy: { '/api': apiUrl } } })
  await vite.listen()
  console.log(`异地 dev server (API on ${apiUrl}, storage: ${store.kind}):`)
  vite.printUrls()

  const shutdown = async (): Promise<void> => {
    sweep.stop()
    await vite.close()
    api.close()
    api.closeAllConnections()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}
catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
