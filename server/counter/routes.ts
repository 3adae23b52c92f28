import express from 'express'
import { rateLimit } from 'express-rate-limit'
import { normalizeIdNumber } from '../../src/domain/identity/idNumber.ts'
import { counterAuditQuerySchema, counterAuditSearchSchema, counterVerifyRequestSchema, type CounterVerifyResponse } from '../../src/domain/schemas/http.ts'
import { callerKey, type CounterCaller, counterOf } from '../auth/caller.ts'
import { DatabaseRateLimitStore } from '../auth/databaseRateLimitStore.ts'
import { filingsOfHolder } from '../filing/repository.ts'
import { problemBody, sendProblem } from '../http/problem.ts'
import { coverageOnRecord, identifyPatient } from '../registry/patientOnRecord.ts'
import { searchAuditLog, writeAuditEntry } from './auditLog.ts'
import type { Store } from '../store/index.ts'
import { effectiveEndDate } from '../../src/domain/filing/status.ts'

export interface CounterRouteDeps {
  store: Store
  clock: () => Date
  /** Lookups a counter account may make per minute (a lookup reveals whether a person filed). */
  lookupsPerMinute: number
}

/**
 * `POST /counter/verify`: can this patient settle directly here, on this admission day? Checks
 * the patient against the registry (姓名 and 身份证号码 together, benefit status, 参保地), then
 * runs the rulebook on the server's records for the staff account's hospital city; every call is audited,
 * refused ones included. `GET /counter/audit?from=&to=`: the account's own lookups, of today unless
 * a range is given; `POST /counter/audit/search` the same with a 姓名 or 身份证号码 in the body.
 */
export function counterRoutes(deps: CounterRouteDeps): express.Router {
  const { db } = deps.store
  const router = express.Router()

  async function audit(caller: CounterCaller, patient: { idNumber?: string | undefined, name?: string | undefined }, outcome: string, filingNumber: string | null) {
    await writeAuditEntry(db, caller, { at: deps.clock().toISOString(), ...patient, method: 'online', outcome, filingNumber, actionId: null })
  }

  const limit = rateLimit({
    // In the database: a counter's allowance is the same however many instances serve it.
    store: new DatabaseRateLimitStore(db, 'counter lookups '),
    windowMs: 60_000,
    limit: deps.lookupsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => {
      const caller = res.locals.caller as CounterCaller | undefined
      return caller ? callerKey(caller) : 'anonymous'
    },
    handler: (_req, res) => {
      res.setHeader('Retry-After', '60')
      sendProblem(res, problemBody(429, '查询过于频繁，请1分钟后再试', 'rate_limited'))
    },
  })

  router.post('/verify', (_req, res, next) => {
    counterOf(res)
    next()
  }, limit, async (req, res) => {
    const caller = counterOf(res)
    const parsed = counterVerifyRequestSchema.safeParse(req.body)
    if (!parsed.success) {
      const idNumber = typeof req.body?.idNumber === 'string' && /^\d{17}[\dX]$/i.test(req.body.idNumber) ? normalizeIdNumber(req.body.idNumber) : undefined
      const name = typeof req.body?.name === 'string' ? req.body.name.slice(0, 40) : undefined
      await audit(caller, { idNumber, name }, 'invalid_request', null)
      throw parsed.error
    }
    const query = parsed.data
    const identity = await identifyPatient(db, query)
    if (!identity.ok) {
      await audit(caller, query, identity.problem.code, null)
      throw identity.problem
    }
    const filings = (await filingsOfHolder(db, query.idNumber)).filter(item => item.holder.name === query.name).map(item => item.filing)
    const coverage = coverageOnRecord(identity.records, { filings, hospitalCity: caller.cityCode, admissionDate: query.admissionDate, admissionType: query.admissionType })
    await audit(caller, query, coverage.outcome, coverage.filing?.filingNumber ?? null)
    const body: CounterVerifyResponse = {
      outcome: coverage.outcome,
      ...(coverage.filing
        ? {
            filing: {
              filingNumber: coverage.filing.filingNumber,
              category: coverage.filing.category,
              destination: coverage.filing.destination,
              startDate: coverage.filing.startDate,
              // The day it can last be used (a promise without materials ends earlier), as the QR says.
              endDate: effectiveEndDate(coverage.filing),
              oneVisit: coverage.filing.oneVisit,
              promise: coverage.filing.byPromise && coverage.filing.materialsSuppliedOn === null,
            },
          }
        : {}),
      ratioCutPoints: coverage.ratioCutPoints,
      notes: coverage.notes.map(item => ({ code: item.code, message: item.message })),
    }
    res.set('Cache-Control', 'no-store')
    res.json(body)
  })

  router.get('/audit', async (req, res) => {
    const caller = counterOf(res)
    const entries = await searchAuditLog(db, caller, counterAuditQuerySchema.parse(req.query), deps.clock())
    res.set('Cache-Control', 'no-store')
    res.json({ entries })
  })

  router.post('/audit/search', async (req, res) => {
    const caller = counterOf(res)
    const entries = await searchAuditLog(db, caller, counterAuditSearchSchema.parse(req.body ?? {}), deps.clock())
    res.set('Cache-Control', 'no-store')
    res.json({ entries })
  })

  return router
}
