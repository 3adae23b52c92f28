import { describe, expect, it } from 'vitest'
import type { OutboxEntry } from '../../../src/db/database'
import { NO_ACCUMULATORS, settleOutpatient } from '../../../src/domain/money/settle'
import { settleInpatient } from '../../../src/domain/money/settleInpatient'
import { stayBill } from '../../../src/domain/money/stayBill'
import { policyFor } from '../../../src/domain/policy/policyFor'
import type { OpenStayView } from '../../../src/domain/schemas/stay'
import { itemsOfLines } from '../../../src/features/counter/billLines'
import { previewOutpatient } from '../../../src/features/counter/previewOutpatient'
import { overlayPendingSlips } from '../../../src/features/counter/stays/overlayPendingSlips'
import { previewStay, sameMoney } from '../../../src/features/counter/stays/previewStay'

const SLIP = '00000000-0000-4000-8000-0000000000a1'
const own = [{ id: 'line-1', coveredFen: 800_000, classBSelfPayFen: 10_000, overLimitSelfPayFen: 0, selfFundedFen: 2_000 }]
const outside = [{ id: 'line-1', coveredFen: 60_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 }]

function stay(overrides: Partial<OpenStayView> = {}): OpenStayView {
  return {
    admissionId: '00000000-0000-4000-8000-000000000001',
    idNumber: '11010519491231002X',
    name: '王秀英',
    sex: 'female',
    age: 76,
    admissionDate: '2026-11-20',
    admissionType: 'normal',
    coverage: { ok: true, insuredRegion: '220100', insuranceType: 'employee', ratioCutPoints: 20, outcome: 'valid' },
    claimRegion: '220100',
    accumulators: { 2026: { deductibleUsedFen: 0, fundPaidFen: 150_000 } },
    slips: [{ slipId: SLIP, admissionId: '00000000-0000-4000-8000-000000000001', form: { kind: 'examination', department: '骨科', diagnosis: '骨折', outsideName: '长春市中心医院', items: 'MRI', reason: '设备检修', issuedOn: '2026-11-21' }, items: outside, settlementId: null, issuedBy: 'cc', issuedAt: '2026-11-21T01:00:00Z' }],
    ...overrides,
  }
}

describe('the discharge split on the counter device (001 第二十八条, 第三十三条)', () => {
  it('is the rulebook\'s split under the 参保地 policy with the server\'s ratio cut, the listed accumulators and the slips\' costs joined', () => {
    const preview = previewStay(stay(), own, '2026-11-30', 'tertiary')
    const policy = policyFor('220100')
    const expected = settleInpatient(stayBill(own, [{ slipId: SLIP, items: outside }]), policy.inpatient.employee, year => (year === 2026 ? { deductibleUsedFen: 0, fundPaidFen: 150_000 } : NO_ACCUMULATORS), { hospitalLevel: 'tertiary', ratioCutPoints: 20, admissionDate: '2026-11-20', dischargeDate: '2026-11-30', crossYearStay: policy.crossYearStay })
    expect(preview).toEqual({ ok: true, split: expected, ratioPercent: policy.inpatient.employee.ratioPercentByLevel.tertiary - 20 })
    expect(preview.ok && preview.split.totalFen).toBe(812_000 + 60_000)
  })

  it('waits for a slip whose costs have not come back, and says why a stay cannot be settled directly', () => {
    const waiting = stay({ slips: [{ ...stay().slips[0]!, items: null }] })
    expect(previewStay(waiting, own, '2026-11-30', 'tertiary')).toEqual({ ok: false, reason: 'slip_waiting' })
    expect(previewStay(stay({ coverage: { ok: false, refusal: { code: 'no_filing', message: '未备案' } } }), own, '2026-11-30', 'tertiary')).toEqual({ ok: false, reason: 'not_direct' })
    expect(previewStay(stay(), own, '2026-11-19', 'tertiary')).toEqual({ ok: false, reason: 'discharge_before_admission' })
    expect(previewStay(stay(), own, '2026-11-30', null)).toEqual({ ok: false, reason: 'no_level' })
  })

  it('tells the same money from different money', () => {
    const split = { totalFen: 100, fundPaidFen: 60, cashPaidFen: 40, deductibleFen: 10 }
    expect(sameMoney(split, { ...split })).toBe(true)
    expect(sameMoney(split, { ...split, fundPaidFen: 59, cashPaidFen: 41 })).toBe(false)
  })
})

describe('unsent slips show at once (offline-first)', () => {
  const entry = (type: 'outsideSlip.issue' | 'outsideSlip.recordCosts', payload: unknown, status: OutboxEntry['status'] = 'pending') =>
    ({ id: crypto.randomUUID(), type, payload, createdAt: '2026-11-22T02:00:00Z', status, attempts: 0 }) as OutboxEntry

  it('lays slips and costs recorded since the last list over it; a refused one is left to the outbox, one the list holds is not doubled', () => {
    const base = stay({ slips: [] })
    const newSlip = '00000000-0000-4000-8000-0000000000b2'
    const issued = entry('outsideSlip.issue', { slipId: newSlip, admissionId: base.admissionId, kind: 'pharmacy', department: '骨科', diagnosis: '骨折', outsideName: '大药房', items: '药', reason: '本院无药', issuedOn: '2026-11-22' })
    const costs = entry('outsideSlip.recordCosts', { slipId: newSlip, items: outside, recordedOn: '2026-11-22' })
    const refused = entry('outsideSlip.issue', { slipId: '00000000-0000-4000-8000-0000000000c3', admissionId: base.admissionId, kind: 'pharmacy', department: '骨科', diagnosis: '骨折', outsideName: 'x', items: 'y', reason: 'z', issuedOn: '2026-11-22' }, 'rejected')
    const [shown] = overlayPendingSlips([base], [issued, costs, refused])
    expect(shown!.slips.map(slip => [slip.slipId, slip.items])).toEqual([[newSlip, outside]])
    const listed = stay()
    const [again] = overlayPendingSlips([listed], [entry('outsideSlip.issue', { ...issued.payload, slipId: SLIP }, 'applied')])
    expect(again!.slips).toEqual(listed.slips)
    expect(base.slips).toEqual([])
  })
})

describe('bill lines typed in 元', () => {
  it('become whole 分 with their own ids; a blank part is 0; a bad amount names its line', () => {
    expect(itemsOfLines([{ covered: '1234.5', classB: '', overLimit: '0', selfFunded: '0.07' }])).toEqual({ ok: true, items: [{ id: 'line-1', coveredFen: 123_450, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 7 }] })
    expect(itemsOfLines([{ covered: '1', classB: '0', overLimit: '0', selfFunded: '0' }, { covered: '1.234', classB: '0', overLimit: '0', selfFunded: '0' }])).toEqual({ ok: false, line: 1 })
  })
})

describe('the outpatient split on the counter device', () => {
  it('is the rulebook\'s split under the chosen 参保地, counted from nothing used this year; none before a 参保地 is chosen', () => {
    const bill = [{ id: 'line-1', coveredFen: 300_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 1_000 }]
    const benefit = policyFor('530100').outpatient.resident
    expect(previewOutpatient(bill, '530100', 'resident', 'primary', 10)).toEqual(settleOutpatient(bill, benefit, NO_ACCUMULATORS, { hospitalLevel: 'primary', ratioCutPoints: 10 }))
    expect(previewOutpatient(bill, '', 'resident', 'primary', 0)).toBeUndefined()
  })
})
