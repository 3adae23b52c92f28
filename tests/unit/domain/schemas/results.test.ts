import { describe, expect, it } from 'vitest'
import { newFilingFromCreatePayload } from '../../../../src/domain/filing/fromPayload'
import { buildFiling } from '../../../../src/domain/filing/validity'
import { policyFor } from '../../../../src/domain/policy/policyFor'
import { parseActionPayload } from '../../../../src/domain/schemas/parseAction'
import { parseActionResult } from '../../../../src/domain/schemas/results'
import { filingCreate, UUID } from './fixtures'

describe('action results (DESIGN §4 `result`)', () => {
  const parsed = parseActionPayload('filing.create', filingCreate())
  if (!parsed.ok)
    throw new Error(parsed.error.message)
  const filing = buildFiling(newFilingFromCreatePayload(parsed.payload, 'BA20260301000001'), '2026-03-01', policyFor(parsed.payload.insuredRegion))

  it('reads an applied filing action\'s answer: the server\'s filing, its version and credential', () => {
    expect(parseActionResult('filing.change', { filing, version: 2, credential: 'x.y.z' })).toEqual({ filing, version: 2, credential: 'x.y.z' })
  })

  it('reads an approved refund with its reversal and a rejected one without', () => {
    expect(parseActionResult('refund.process', { refundId: UUID(1), status: 'rejected' })).toEqual({ refundId: UUID(1), status: 'rejected' })
    expect(parseActionResult('refund.process', { refundId: UUID(1), status: 'approved' })).toBeUndefined()
  })

  it('gives undefined, not a half-read record, for an answer of another shape (a newer server)', () => {
    expect(parseActionResult('filing.create', { filing: { ...filing, startDate: 1 }, version: 1 })).toBeUndefined()
    expect(parseActionResult('trauma.sign', null)).toBeUndefined()
  })
})
