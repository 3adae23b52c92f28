import type { Server } from 'node:http'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createApp } from './app.ts'
import { consoleCodeSender } from './auth/codeSender.ts'
import { ensureFirstStaffAccount } from './auth/staffAccounts.ts'
import { loadEnv } from './env.ts'
import { createLogger, type Logger } from './http/logger.ts'
import { firstHospitalOf } from './hospitals/repository.ts'
import { seedSampleHospitals } from './hospitals/sampleHospitals.ts'
import { describeRelationship } from './registry/filingEligibility.ts'
import { registryIsEmpty } from './registry/repository.ts'
import { seedSamplePeople } from './registry/samplePeople.ts'
import { logReminderSender, type ReminderSender } from './reminders/reminderSender.ts'
import { scheduleReminders } from './reminders/scheduleReminders.ts'
import { scheduleSweep } from './retention/scheduleSweep.ts'
import { openStore, type Store } from './store/index.ts'
import type { InsuredRecord } from '../src/domain/schemas/registry.ts'

/** A started server: its URL and a way to stop it cleanly. */
export interface RunningServer {
  url: string
  close: () => Promise<void>
}

/**
 * Development: an empty registry gets clearly fictional sample people, two of them printed to
 * try. Production: an empty registry means nobody can sign in, and the log says so once.
 */
async function prepareRegistry(store: Store, production: boolean, logger: Logger): Promise<void> {
  if (production) {
    if (await registryIsEmpty(store.db))
      logger.warn('the insured registry (参保登记) is empty: nobody can sign in until it is imported with npm run registry -- import FILE')
    return
  }
  const seeded = await seedSamplePeople(store.db)
  if (!seeded)
    return
  const [first, , second] = seeded
  const line = (person: InsuredRecord) => `  姓名 ${person.name}，身份证号码 ${person.idNumber}，手机号 ${person.phones[0]}（参保地 ${describeRelationship(person)}）`
  process.stdout.write(`参保登记为空，已写入 ${seeded.length} 位示例参保人（仅开发环境；真实数据用 npm run registry -- import 导入）。可用以下身份登录试用：\n${[first!, second!].map(line).join('\n')}\n`)
}

/** Development: an empty directory gets sample hospitals (marked so); production is left alone. */
async function prepareDirectory(store: Store, production: boolean): Promise<void> {
  if (production)
    return
  const seeded = await seedSampleHospitals(store.db)
  if (seeded)
    process.stdout.write(`定点医疗机构目录为空，已写入 ${seeded.length} 家示例医院（仅开发环境；真实目录用 npm run hospitals -- import 导入）。\n`)
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close(error => error ? reject(error) : resolve())
    // Keep-alive connections would hold close() open; idle ones go now, busy ones after 10 s.
    server.closeIdleConnections()
    setTimeout(() => server.closeAllConnections(), 10_000).unref()
  })
}

/**
 * Reads the environment, opens the store, and serves the built PWA (`dist`) and the API on one
 * port. Shuts down gracefully on SIGTERM/SIGINT: stop accepting requests, finish them, close
 * the store.
 */
export async function main(options: { reminderSender?: ReminderSender } = {}): Promise<RunningServer> {
  const env = loadEnv()
  const logger = createLogger({ level: env.LOG_LEVEL })
  const store = await openStore(env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL }
    : { sqliteFile: join(env.YIDI_DATA_DIR, 'yidi.sqlite') })
  await prepareDirectory(store, env.NODE_ENV === 'production')
  const firstAccount = await ensureFirstStaffAccount(store.db, env.YIDI_FIRST_COUNTER_CITY, await firstHospitalOf(store.db, env.YIDI_FIRST_COUNTER_CITY))
  if (firstAccount) {
    process.stdout.write(`首个医保窗口账号已创建：用户名 ${firstAccount.username}，一次性密码 ${firstAccount.password}（首次登录后须修改；用 npm run staff 管理账号）\n`)
  }
  await prepareRegistry(store, env.NODE_ENV === 'production', logger)
  const sweep = scheduleSweep({ store, logger })
  // Without an SMS gateway plugged in, a reminder is only logged, with the phone masked.
  const reminders = scheduleReminders({ store, logger, sender: options.reminderSender ?? logReminderSender(logger) })
  const app = createApp({
    store,
    logger,
    clientDir: env.YIDI_CLIENT_DIR,
    production: env.NODE_ENV === 'production',
    // Outside production with no SMS gateway, the code is printed on a console line of its own.
    ...(env.NODE_ENV === 'production' ? {} : { codeSender: consoleCodeSender(logger) }),
    devEchoCode: env.YIDI_DEV_ECHO_CODE,
    trustProxy: env.YIDI_TRUST_PROXY,
    ...(env.YIDI_TOKEN_SECRET ? { tokenSecret: env.YIDI_TOKEN_SECRET } : {}),
  })
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(env.PORT, env.HOST, error => error ? reject(error) : resolve(listening))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST
  const url = `http://${host}:${port}`
  logger.info({ storage: store.kind, port }, 'listening')
  process.stdout.write(`异地 running at ${url}\n`)

  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    sweep.stop()
    reminders.stop()
    closing ??= closeServer(server).finally(() => store.close())
    return closing
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down')
      close().then(() => process.exit(0), (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      })
    })
  }
  return { url, close }
}

// Run when executed directly (`tsx server/main.ts`), not when imported by the CLI or tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
