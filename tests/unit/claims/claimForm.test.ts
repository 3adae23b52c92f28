import { describe, expect, it } from 'vitest'
import { YUAN_MESSAGE } from '../../../src/domain/money/yuan'
import { NATIONAL_POLICY } from '../../../src/domain/policy/national'
import { JILIN_POLICY } from '../../../src/domain/policy/regionalPolicies'
import { claimSubmitPayloadSchema } from '../../../src/domain/schemas/claim'
import { claimPayload, type ClaimFormValues, deadlineNotice, emptyClaimForm, stepErrors } from '../../../src/features/claims/claimForm'
import { claimRows, claimStatusView } from '../../../src/features/claims/claimStatus'
import type { OutboxEntryOf } from '../../../src/db/database'
import type { MyClaim } from '../../../src/features/claims/myClaims'
import { PERSON_ID } from '../domain/schemas/fixtures'

const TODAY = '2026-12-02'

function filled(overrides: Partial<ClaimFormValues> = {}): ClaimFormValues {
  return {
    ...emptyClaimForm(),
    name: '王建国',
    idNumber: PERSON_ID,
    kind: 'inpatient',
    hospitalName: '昆明医科大学第一附属医院',
    hospitalLevel: 'tertiary',
    treatmentRegion: '530100',
    admissionDate: '2025-06-01',
    dischargeDate: '2025-06-10',
    reason: 'network_fault',
    invoicePhotos: [crypto.randomUUID()],
    costDetailPhotos: [crypto.randomUUID()],
    accountName: '王建国',
    bankName: '中国工商银行',
    accountNumber: '6222 0212 3456 7890 128',
    paid: '12500.50',
    ...overrides,
  }
}

describe('the claim form', () => {
  it('a filled form makes a payload the rulebook accepts, the amount in 分 and the card number without spaces', () => {
    const parsed = claimSubmitPayloadSchema.parse(claimPayload(filled(), TODAY))
    expect(parsed.paidFen).toBe(1_250_050)
    expect(parsed.bank.accountNumber).toBe('6222021234567890128')
    expect(parsed.visitDate).toBeUndefined()
  })

  it('the first step names what is missing of the care, and nothing of the second step', () => {
    const errors = stepErrors(filled({ hospitalName: '', dischargeDate: '', accountNumber: '' }), 0, TODAY)
    expect(errors).toEqual({ hospitalName: '请填写医院名称', dischargeDate: '请填写出院日期' })
  })

  it('"other" needs its explanation; an outpatient visit needs its day, not a stay\'s', () => {
    expect(stepErrors(filled({ reason: 'other' }), 0, TODAY)).toEqual({ reasonText: '请说明未能直接结算的原因' })
    expect(stepErrors(filled({ kind: 'outpatient' }), 0, TODAY)).toEqual({ visitDate: '请填写就诊日期' })
  })

  it('the second step checks the card number\'s digit, the photos and the amount', () => {
    const errors = stepErrors(filled({ accountNumber: '6222021234567890127', invoicePhotos: [], paid: '12.345' }), 1, TODAY)
    expect(errors).toEqual({ 'bank.accountNumber': '银行账号校验位不符，请核对卡号', 'invoicePhotos': '请上传发票照片', 'paidFen': YUAN_MESSAGE })
    expect(stepErrors(filled({ paid: '' }), 1, TODAY)).toEqual({ paidFen: '请填写已支付金额' })
  })

  it('Jilin 第十五条: the first step says the deadline from the discharge date before any photo is taken', () => {
    expect(deadlineNotice(filled(), JILIN_POLICY, TODAY)).toEqual({ open: true, deadline: '2026-12-31' })
    expect(deadlineNotice(filled({ admissionDate: '2024-11-20', dischargeDate: '2024-11-30' }), JILIN_POLICY, TODAY)).toEqual({ open: false, reason: 'deadline_passed', deadline: '2025-12-31' })
    expect(deadlineNotice(filled({ dischargeDate: '' }), JILIN_POLICY, TODAY)).toBeUndefined()
    expect(deadlineNotice(filled(), undefined, TODAY)).toBeUndefined()
    expect(deadlineNotice(filled(), NATIONAL_POLICY, TODAY)).toEqual({ open: true, deadline: null })
  })
})

describe('the claim\'s state on the phone', () => {
  const claim = (overrides: Partial<MyClaim>): MyClaim => ({
    claimId: 'c', status: 'submitted', kind: 'inpatient', patientName: '王建国', hospitalName: 'H', visitDate: null, admissionDate: '2025-06-01', dischargeDate: '2025-06-10',
    paidFen: 100, bankName: 'B', accountMasked: '**** **** **** 0128', deadline: '2026-12-31', submittedAt: '', decidedOn: null, note: null, payment: null, ...overrides,
  })

  it('is the server\'s: submitted, under review, approved with the amount, rejected with the reason', () => {
    expect(claimStatusView(claim({}))).toEqual({ state: 'submitted' })
    expect(claimStatusView(claim({ status: 'reviewing' }))).toEqual({ state: 'reviewing' })
    expect(claimStatusView(claim({ status: 'approved', payment: { totalFen: 100, deductibleFen: 0, fundPaidFen: 80, cashPaidFen: 20 } }))).toEqual({ state: 'approved', fundPaidFen: 80 })
    expect(claimStatusView(claim({ status: 'rejected', note: '发票不清晰' }))).toEqual({ state: 'rejected', reason: '发票不清晰' })
  })

  it('lists a claim still on the phone as waiting, one the server refused with its reason, then the server\'s own', () => {
    const payload = claimSubmitPayloadSchema.parse(claimPayload(filled(), TODAY))
    const entry = (id: string, status: OutboxEntryOf<'claim.submit'>['status'], error?: { code: string, message: string }): OutboxEntryOf<'claim.submit'> => ({
      id: crypto.randomUUID(), type: 'claim.submit', payload: { ...payload, claimId: id }, createdAt: '', status, attempts: 0, ...(error ? { error } : {}),
    })
    const rows = claimRows([claim({ claimId: 'on-server', status: 'reviewing' })], [
      entry('unsent', 'pending'),
      entry('late', 'rejected', { code: 'claim_deadline_passed', message: '已超过手工报销的申请期限（2025-12-31），参保地不再受理' }),
      // Sent and answered, but the list from the server already has it: shown once, as the server says.
      entry('on-server', 'sending'),
    ])
    expect(rows.map(row => [row.claimId, row.status])).toEqual([
      ['unsent', { state: 'waiting' }],
      ['late', { state: 'refused', reason: '已超过手工报销的申请期限（2025-12-31），参保地不再受理' }],
      ['on-server', { state: 'reviewing' }],
    ])
    expect(rows[0]).toMatchObject({ hospitalName: payload.hospitalName, date: '2025-06-10', paidFen: 1_250_050 })
  })
})
