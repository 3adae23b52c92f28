/**
 * `npm run bench:sync`: how fast the outbox drains into the server, and what batching buys.
 *
 * 1. raw batched inserts into SQLite (WAL, synchronous=FULL) — the ceiling on this machine;
 * 2. enqueue 10,000 `filing.create` actions on the device (Dexie over fake-indexeddb);
 * 3. sync them to a local server on SQLite with the real engine (500 per request) — in Node the
 *    device side runs on fake-indexeddb, far slower than a browser's IndexedDB;
 * 4. the server alone: the same 10,000 posted in batches of 500 to a fresh server, from another
 *    process so the server's process does only server work;
 * 5. the same 10,000 sent one request per action (a background-sync queue's way) to a fresh server;
 * 6. where a filing's time goes: its handler alone, the credential signature alone, and the same
 *    batches through the sync path to a handler that does nothing;
 * 7. the server's memory as `npm start` runs it (building dist/ first if it is stale): resident
 *    set idle, and after the same 10,000 actions posted from another process.
 * The drain in a real browser is `npm run bench:drain`.
 * Prints figures and ratios; never fails on time.
 */
import 'fake-indexeddb/auto'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createApp } from '../server/app.ts'
import { createTokenService } from '../server/auth/tokens.ts'
import { upsertRecords } from '../server/registry/repository.ts'
import type { ActionHandlers } from '../server/sync/actionHandler.ts'
import { signCredential } from '../server/filing/credential.ts'
import { filingHandlers } from '../server/filing/handlers.ts'
import { currentSigningKey } from '../server/filing/signingKeys.ts'
import { createLogger } from '../server/http/logger.ts'
import { openStore, type Store } from '../server/store/index.ts'
import { writeTransaction } from '../server/store/writeTransaction.ts'
import { newFilingFromCreatePayload } from '../src/domain/filing/fromPayload.ts'
import { buildFiling } from '../src/domain/filing/validity.ts'
import { policyFor } from '../src/domain/policy/policyFor.ts'
import { parseActionPayload } from '../src/domain/schemas/parseAction.ts'
import { YidiDatabase } from '../src/db/database.ts'
import { enqueue } from '../src/sync/enqueue.ts'
import { createSyncEngine } from '../src/sync/syncEngine.ts'
import { AGENT, agentFiling, agentRegistry } from '../tests/server/chaos/agentFilings.ts'

const COUNT = Number(process.env.BENCH_ACTIONS ?? 10_000)
const BATCH = 500
const workDir = mkdtempSync(join(tmpdir(), 'yidi-bench-sync-'))

const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000))
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

function rawInsertRate(): number {
  const sqlite = new Database(join(workDir, 'raw.sqlite'))
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.exec('create table actions (id text primary key, caller text not null, result text not null, created_at text not null)')
  const insert = sqlite.prepare('insert into actions values (?, ?, ?, ?)')
  const rows = Array.from({ length: COUNT }, (_, n) => [crypto.randomUUID(), AGENT.idNumber, JSON.stringify(agentFiling(n)), new Date().toISOString()])
  const insertBatch = sqlite.transaction((batch: string[][]) => {
    for (const row of batch)
      insert.run(...row)
  })
  const started = performance.now()
  for (let offset = 0; offset < rows.length; offset += BATCH)
    insertBatch(rows.slice(offset, offset + BATCH))
  const elapsed = performance.now() - started
  sqlite.close()
  return perSecond(COUNT, elapsed)
}

async function startServer(name: string, actionHandlers?: ActionHandlers): Promise<{ apiBase: string, store: Store, server: Server }> {
  const store = await openStore({ sqliteFile: join(workDir, `${name}.sqlite`) })
  await upsertRecords(store.db, agentRegistry(COUNT), new Date().toISOString())
  const app = createApp({ store, logger: createLogger({ level: 'silent' }), devEchoCode: true, ...(actionHandlers ? { actionHandlers } : {}) })
  const server = app.listen(0, '127.0.0.1')
  await new Promise(done => server.once('listening', done))
  return { apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, store, server }
}

async function stopServer({ server, store }: { server: Server, store: Store }): Promise<void> {
  server.closeAllConnections()
  await new Promise(done => server.close(done))
  await store.close()
}

async function signIn(apiBase: string): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${apiBase}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    if (!response.ok)
      throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`)
    return response.json() as Promise<Record<string, string>>
  }
  const { challengeId, devCode } = await post('/auth/insured/start', AGENT)
  return (await post('/auth/insured/verify', { challengeId, code: devCode })).token!
}

const raw = rawInsertRate()
console.log(`raw batched inserts into SQLite (FULL sync): ${raw.toLocaleString()} rows/s`)

const database = new YidiDatabase(`bench-${Date.now()}`)
let started = performance.now()
for (let n = 0; n < COUNT; n++)
  await enqueue(database, 'filing.create', agentFiling(n))
const enqueueMs = performance.now() - started
console.log(`enqueue ${COUNT.toLocaleString()} actions: ${seconds(enqueueMs)} (${perSecond(COUNT, enqueueMs).toLocaleString()}/s)`)
const payloads = (await database.outbox.orderBy('createdAt').toArray()).map(entry => ({ type: entry.type, payload: entry.payload, createdAt: entry.createdAt }))

const batched = await startServer('batched')
const token = await signIn(batched.apiBase)
const engine = createSyncEngine({ database, apiBase: batched.apiBase, token: () => token, maxActions: BATCH })
started = performance.now()
await engine.trigger('online')
const batchedMs = performance.now() - started
engine.stop()
const applied = await database.outbox.where('status').equals('applied').count()
await stopServer(batched)
if (applied !== COUNT)
  throw new Error(`only ${applied} of ${COUNT} actions were applied`)
const batchedRate = perSecond(COUNT, batchedMs)
console.log(`engine drain (${BATCH}/request, device on fake-indexeddb): ${seconds(batchedMs)} — ${batchedRate.toLocaleString()} actions/s`)

/** Sends the queue to a fresh server from another process, `batchSize` actions per request. */
async function postAll(name: string, batchSize: number, actionHandlers?: ActionHandlers): Promise<number> {
  const target = await startServer(name, actionHandlers)
  const targetToken = await signIn(target.apiBase)
  const file = join(workDir, 'actions.json')
  writeFileSync(file, JSON.stringify(payloads))
  const poster = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support/postActions.ts'), target.apiBase, targetToken, String(batchSize), file], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  poster.stdout.on('data', (chunk) => {
    output += String(chunk)
  })
  const code = await new Promise(done => poster.once('exit', done))
  await stopServer(target)
  if (code !== 0)
    throw new Error(`${name}: the client process failed`)
  return (JSON.parse(output) as { ms: number }).ms
}

const serverBatchedMs = await postAll('server-batched', BATCH)
const serverRate = perSecond(COUNT, serverBatchedMs)
console.log(`server ingest, ${BATCH} per request: ${seconds(serverBatchedMs)} — ${serverRate.toLocaleString()} filing actions/s, ${(serverRate / raw * 100).toFixed(0)}% of raw inserts (target ≥ 10,000/s)`)
const singleMs = await postAll('one-per-request', 1)
console.log(`one request per action: ${seconds(singleMs)} — ${perSecond(COUNT, singleMs).toLocaleString()} actions/s`)
console.log(`batched is ${(singleMs / serverBatchedMs).toFixed(1)}× faster than one request per action (target ≥ 10×)`)
console.log(`queue of ${COUNT.toLocaleString()} drained in ${seconds(batchedMs)} by the real engine on fake-indexeddb (in Chromium: npm run bench:drain; target ≤ 30 s)`)

/**
 * Where a filing's time goes: the `filing.create` handler alone (the rules, the 备案编号, the
 * credential's signature, the filing and its first version written), in transactions of 500, and
 * the signature alone. What is left of the ingest time is HTTP, validation and idempotency.
 */
async function handlerCost(): Promise<{ handlerUs: number, signatureUs: number }> {
  const store = await openStore({ sqliteFile: join(workDir, 'handler.sqlite') })
  await upsertRecords(store.db, agentRegistry(COUNT), new Date().toISOString())
  const key = await currentSigningKey(store.db)
  const create = filingHandlers(async () => key)['filing.create']!
  const caller = { role: 'insured', idNumber: AGENT.idNumber, name: AGENT.name, phone: AGENT.phone, ownerKey: 'insured:bench-agent' } as const
  const parsed = payloads.map(action => parseActionPayload('filing.create', action.payload)).map(result => (result.ok ? result.payload : undefined)!)
  const logger = createLogger({ level: 'silent' })
  let clock = performance.now()
  for (let offset = 0; offset < COUNT; offset += BATCH) {
    await writeTransaction(store, async (db) => {
      for (const payload of parsed.slice(offset, offset + BATCH)) {
        const outcome = await create(db, { caller, actionId: crypto.randomUUID(), now: new Date(), logger }, payload)
        if (!('result' in outcome))
          throw new Error(`the handler refused a filing: ${JSON.stringify(outcome)}`)
      }
    })
  }
  const handlerUs = (performance.now() - clock) * 1000 / COUNT
  const filing = { ...buildFiling(newFilingFromCreatePayload(parsed[0]!, 'YD530000-20261124-0001'), '2026-11-24', policyFor('530100')) }
  clock = performance.now()
  for (let n = 0; n < COUNT; n++)
    signCredential(filing, { name: parsed[0]!.name, idNumber: parsed[0]!.idNumber }, key, new Date())
  const signatureUs = (performance.now() - clock) * 1000 / COUNT
  await store.close()
  return { handlerUs, signatureUs }
}

const { handlerUs, signatureUs } = await handlerCost()
const ingestUs = serverBatchedMs * 1000 / COUNT
// The same batches through HTTP, validation, savepoints and the idempotency rows, to a handler that does nothing.
const envelopeMs = await postAll('envelope-only', BATCH, { 'filing.create': async () => ({ result: null }) })
console.log(`per filing: ${ingestUs.toFixed(0)} µs ingested; the handler alone ${handlerUs.toFixed(0)} µs (its credential signature ${signatureUs.toFixed(0)} µs)`)
console.log(`ceilings on one core: the handler alone ${perSecond(1, handlerUs / 1000).toLocaleString()} filings/s; the sync path with a handler that does nothing ${perSecond(COUNT, envelopeMs).toLocaleString()} actions/s`)

/** A process's resident set and its peak so far, in MB (Linux /proc). */
function residentMemory(pid: number): { rss: number, peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kilobytes = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN)
  return { rss: kilobytes('VmRSS') / 1024, peak: kilobytes('VmHWM') / 1024 }
}

/** `npm start`'s process on a fresh SQLite file: its memory idle, then after COUNT actions. */
async function startedServerMemory(): Promise<void> {
  const port = 20_000 + (process.pid % 10_000)
  const apiBase = `http://127.0.0.1:${port}/api`
  // The token is made here with the server's secret: a build inside `npm start` sets NODE_ENV to
  // production, which turns the development sign-in code off.
  const tokenSecret = crypto.randomUUID() + crypto.randomUUID()
  // The people the actions file for, on record before the server starts (as an import would put
  // them): filing needs a registry record, and a registry with people in it gets no sample seed.
  const dataDir = join(workDir, 'start')
  const registry = await openStore({ sqliteFile: join(dataDir, 'yidi.sqlite') })
  await upsertRecords(registry.db, agentRegistry(COUNT), new Date().toISOString())
  await registry.close()
  const viteLog = join(workDir, 'vite-modules.txt')
  writeFileSync(viteLog, '')
  const server = spawn(process.execPath, ['--import', 'tsx', '--import', join(import.meta.dirname, 'support/watchViteLoads.ts'), 'server/cli/start.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', YIDI_DATA_DIR: dataDir, YIDI_TOKEN_SECRET: tokenSecret, LOG_LEVEL: 'silent', YIDI_BENCH_VITE_LOG: viteLog },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    for (let tries = 0; ; tries++) {
      if (await fetch(`${apiBase}/health`).then(response => response.ok, () => false))
        break
      if (tries > 1_200 || server.exitCode !== null)
        throw new Error('npm start did not answer within 2 minutes')
      await new Promise(done => setTimeout(done, 100))
    }
    // Let start-up garbage settle before the idle figure.
    await new Promise(done => setTimeout(done, 2_000))
    const idle = residentMemory(server.pid!)
    const { token: startToken } = await createTokenService(tokenSecret).issue({ role: 'insured', idNumber: AGENT.idNumber, name: AGENT.name, phone: AGENT.phone }, new Date())
    const file = join(workDir, 'actions.json')
    writeFileSync(file, JSON.stringify(payloads))
    const poster = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support/postActions.ts'), apiBase, startToken, String(BATCH), file], { stdio: ['ignore', 'ignore', 'inherit'] })
    if (await new Promise(done => poster.once('exit', done)) !== 0)
      throw new Error('npm start: the client process failed')
    const loaded = residentMemory(server.pid!)
    const viteModules = readFileSync(viteLog, 'utf8').split('\n').filter(Boolean).length
    console.log(`Vite in npm start's own process: ${viteModules === 0 ? 'no (any build ran in a child process)' : `YES, ${viteModules} of its modules loaded`}`)
    console.log(`npm start's process: ${idle.rss.toFixed(0)} MB resident idle (peak so far ${idle.peak.toFixed(0)} MB, a build in the process shows here), ${loaded.rss.toFixed(0)} MB after ${COUNT.toLocaleString()} actions (peak ${loaded.peak.toFixed(0)} MB)`)
  }
  finally {
    server.kill('SIGTERM')
    await new Promise(done => server.exitCode === null ? server.once('exit', done) : done(undefined))
  }
}

await startedServerMemory()
rmSync(workDir, { recursive: true, force: true })
