import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import * as fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'
import type { Store } from '../../../server/store/index.ts'
import { chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { filingCreatePayload } from '../support/filingPayload.ts'
import { captureLogger } from '../support/logs.ts'
import { action, HOSPITAL, person, signInCounter, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'
import { ENDPOINTS, type FuzzContext, settlementPayload } from './endpoints.ts'
import { builtRequest, fuzzRequestArbitrary } from './fuzzRequest.ts'

/**
 * Bodies in all: 1,000 by default, shared by the stores that run (SQLite, and PostgreSQL when
 * `DATABASE_URL` is set, as in describeEachStore); `YIDI_FUZZ_RUNS=10000` for a longer hunt,
 * `YIDI_FUZZ_SEED` to replay a failure's seed.
 */
const STORES = process.env.DATABASE_URL ? 2 : 1
const RUNS = Math.ceil(Number(process.env.YIDI_FUZZ_RUNS ?? 1_000) / STORES)
const SEED = process.env.YIDI_FUZZ_SEED === undefined ? undefined : Number(process.env.YIDI_FUZZ_SEED)
const SECRET = 'a-test-secret-that-is-long-enough-for-tokens'
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==', 'base64')

interface BatchReply {
  results?: { id: string, status: string, error?: { code: string } }[]
}

describeEachStore('every endpoint under hostile input', ({ openTestStore }) => {
  let store: Store
  let server: Server
  let base: string
  let app: ReturnType<typeof testApp>
  let context: FuzzContext
  let tokens: { insured: string, counter: string }
  const logs = captureLogger()

  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({
      store,
      logger: logs.logger,
      devEchoCode: true,
      tokenSecret: SECRET,
      // The fuzz is about 5xx, not about being throttled after the first few sign-ins.
      rateLimits: { windowMs: 60_000, perIp: 1e9, perAccount: 1e9 },
      counterLookupsPerMinute: 1e9,
    })
    server = app.listen(0, '127.0.0.1')
    await new Promise(resolve => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

    // Records for the valid bodies to refer to, so the fuzz reaches past "not found".
    const insured = person(77)
    tokens = { insured: await signInInsured(app, insured), counter: await signInCounter(app, store, HOSPITAL) }
    const today = chinaDateOf(new Date())
    const attachmentId = crypto.randomUUID()
    const upload = await fetch(`${base}/api/attachments/${attachmentId}`, { method: 'PUT', headers: { 'content-type': 'image/png', authorization: `Bearer ${tokens.insured}` }, body: PNG })
    expect(upload.status).toBe(201)
    const filing = filingCreatePayload(insured, '530100', today)
    context = { insured, counterUsername: HOSPITAL.username, today, filingId: filing.filingId, settlementId: crypto.randomUUID(), refundId: crypto.randomUUID(), commitmentId: crypto.randomUUID(), attachmentId, slipId: crypto.randomUUID() }
    const applied = async (token: string, actions: unknown[]) => expect((await sync(app, token, actions)).body.results.map((result: { status: string }) => result.status)).toEqual(actions.map(() => 'applied'))
    await applied(tokens.insured, [action('filing.create', filing)])
    await applied(tokens.counter, [action('settlement.record', settlementPayload(context, context.settlementId))])
    await applied(tokens.insured, [action('refund.request', { refundId: context.refundId, settlementId: context.settlementId, reason: '药品未取', requestedOn: today })])
  })
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve))
    await store.close()
  })

  it(`answers ${RUNS} hostile requests over ${ENDPOINTS.length} endpoints without a 5xx, and stays healthy`, async () => {
    await fc.assert(fc.asyncProperty(fuzzRequestArbitrary(ENDPOINTS), async (fuzz) => {
      const { method, url, headers, body } = builtRequest(fuzz, context, tokens)
      const response = await fetch(`${base}${url}`, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) })
      const text = await response.text()
      const where = `${method} ${url.slice(0, 120)} → ${response.status} ${text.slice(0, 300)}`
      if (response.status >= 500)
        throw new Error(`server error: ${where}`)
      // Inside a 200 batch a fault of ours is answered server_error: as bad as a 500.
      if (response.status === 200 && (url === '/api/sync' || url === '/api/counter/settlements/import')) {
        const faults = ((JSON.parse(text) as BatchReply).results ?? []).filter(result => result.error?.code === 'server_error')
        if (faults.length > 0)
          throw new Error(`an action answered server_error: ${where}`)
      }
    }), { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true })

    const health = await fetch(`${base}/api/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ ok: true, storage: store.kind })
    const newcomer = person(78)
    const token = await signInInsured(app, newcomer)
    const filed = await sync(app, token, [action('filing.create', filingCreatePayload(newcomer, '530100', context.today))])
    expect(filed.body.results[0].status).toBe('applied')
    // Nothing unexpected was logged as an error on the way (each would have been a fault of ours).
    expect(logs.entries().filter(entry => Number(entry.level) >= 50).map(entry => entry.msg)).toEqual([])
  }, Math.max(120_000, RUNS * 100))
})
