import 'fake-indexeddb/auto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { YidiDatabase } from '../../../src/db/database'
import { enqueue } from '../../../src/sync/enqueue'
import { createSyncEngine } from '../../../src/sync/syncEngine'
import { type FaultProxy, startFaultProxy } from '../../support/faultProxy'
import { seededRandom } from '../../support/seededRandom'
import { serverProcess } from '../../support/serverProcess'
import { upsertRecords } from '../../../server/registry/repository'
import { openStore } from '../../../server/store/index'
import { AGENT, agentFiling, agentRegistry } from './agentFilings'

const ACTIONS = 1000
const MIN_FAULTS = 200
// Fixed so a failure replays exactly; CHAOS_SEED explores other runs.
const SEED = Number(process.env.CHAOS_SEED ?? 20_261_124)

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function signInAgent(apiBase: string): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${apiBase}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect(response.status, `${path} answers`).toBe(200)
    return response.json() as Promise<Record<string, string>>
  }
  const { challengeId, devCode } = await post('/auth/insured/start', AGENT)
  return (await post('/auth/insured/verify', { challengeId, code: devCode })).token!
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`not done after ${timeoutMs / 1000} s`)
    await new Promise(done => setTimeout(done, 100))
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'yidi-chaos-'))
const server = serverProcess({
  port: await freePort(),
  env: {
    YIDI_DATA_DIR: dataDir,
    DATABASE_URL: '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    YIDI_DEV_ECHO_CODE: '1',
    YIDI_TOKEN_SECRET: 'chaos-run-secret-that-is-long-enough-0123456789',
  },
})
let proxy: FaultProxy | undefined
afterAll(async () => {
  await proxy?.close()
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

test(`chaos: ${ACTIONS} actions through dropped requests, dropped answers, 503s, delays and kill -9 arrive exactly once (seed ${SEED})`, async () => {
  console.log(`chaos seed ${SEED} (replay with CHAOS_SEED=${SEED})`)
  const random = seededRandom(SEED)
  const registry = await openStore({ sqliteFile: join(dataDir, 'yidi.sqlite') })
  await upsertRecords(registry.db, agentRegistry(ACTIONS), new Date().toISOString())
  await registry.close()
  await server.start()
  const token = await signInAgent(`${server.url}/api`)

  const database = new YidiDatabase(`chaos-${SEED}-${Date.now()}`)
  for (let n = 0; n < ACTIONS; n++)
    await enqueue(database, 'filing.create', agentFiling(n))

  proxy = await startFaultProxy({
    target: server.url,
    random,
    faultRate: 0.75,
    restartServer: () => server.start(),
    killServer: () => server.kill(),
    maxKills: 5,
  })
  const engine = createSyncEngine({
    database,
    apiBase: `${proxy.url}/api`,
    token: () => token,
    random,
    timeoutMs: 5_000,
    // Small batches so the faults fall across many requests; backoff waits shortened to keep the run short.
    maxActions: 6,
    setTimer: (callback, ms) => setTimeout(callback, Math.min(ms, 40)),
  })
  await engine.trigger('start')
  await waitUntil(async () => await database.outbox.where('status').anyOf('pending', 'sending').count() === 0, 100_000)
  engine.stop()

  const faults = Object.values(proxy.faults).reduce((sum, count) => sum + count, 0)
  console.log(`chaos faults: ${JSON.stringify(proxy.faults)} (${faults} in all)`)
  expect(faults).toBeGreaterThanOrEqual(MIN_FAULTS)
  expect(proxy.faults['kill-server']).toBeGreaterThan(0)

  // None lost, none refused: every action came back applied (or as the duplicate of its own replay).
  const entries = await database.outbox.toArray()
  expect(entries.filter(entry => entry.status !== 'applied').map(entry => [entry.id, entry.status, entry.error])).toEqual([])

  // Local and server state are equal: the same filings, each with the number the server gave it.
  const mine = await fetch(`${server.url}/api/me/filings`, { headers: { authorization: `Bearer ${token}` } })
  const onServer = (await mine.json() as { family: { filing: { filingId: string, filingNumber: string } }[] }).family
  const local = await database.filings.toArray()
  expect(local).toHaveLength(ACTIONS)
  expect(local.every(filing => filing.status === 'synced')).toBe(true)
  expect(Object.fromEntries(onServer.map(item => [item.filing.filingId, item.filing.filingNumber])))
    .toEqual(Object.fromEntries(local.map(filing => [filing.id, filing.filingNumber])))

  // Exactly once in the database itself, after a clean stop.
  await server.stop()
  const sqlite = new Database(join(dataDir, 'yidi.sqlite'), { readonly: true })
  try {
    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n
    expect(count('select count(*) as n from applied_actions')).toBe(ACTIONS)
    expect(count('select count(distinct id) as n from applied_actions')).toBe(ACTIONS)
    expect(count('select count(distinct filing_id) as n from filings')).toBe(ACTIONS)
    expect(count('select count(*) as n from filings')).toBe(ACTIONS)
  }
  finally {
    sqlite.close()
  }
}, 150_000)
