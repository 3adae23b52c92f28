import { describe, expect, it } from 'vitest'
import { lateFilingGuidance } from '../../../../src/domain/filing/lateFiling'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { HEBEI_POLICY, JILIN_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'

const ADMITTED = '2026-05-01'

describe('补办 (late filing)', () => {
  it.each([
    ['still in hospital', null, '2026-05-20', 'direct_settlement'],
    ['filed before the discharge settlement', '2026-05-20', '2026-05-19', 'direct_settlement'],
    ['filed on the discharge day', '2026-05-20', '2026-05-20', 'direct_settlement'],
    ['filed after a self-paid discharge', '2026-05-20', '2026-05-21', 'manual_reimbursement'],
  ])('national 二(四), 湛江 二(三): %s → %s', (_name, discharge, filedOn, route) => {
    const guidance = lateFilingGuidance(ZHANJIANG_POLICY, { admissionDate: ADMITTED, admissionType: 'normal', filedOn, selfPaidDischargeOn: discharge })
    expect(guidance.route).toBe(route)
  })

  it.each([
    ['within 10 days', '2026-05-11', 'direct_settlement'],
    ['on day 11', '2026-05-12', 'manual_reimbursement'],
  ])('Hebei 第十一条: an emergency 补办 %s → %s', (_name, filedOn, route) => {
    const guidance = lateFilingGuidance(HEBEI_POLICY, { admissionDate: ADMITTED, admissionType: 'emergency', filedOn, selfPaidDischargeOn: null })
    expect(guidance.route).toBe(route)
    if (route === 'manual_reimbursement')
      expect(guidance.notes[0]).toMatchObject({ code: 'emergency_late_filing_missed', message: expect.stringContaining('10日') })
  })

  it('has no emergency window outside Hebei (national)', () => {
    const guidance = lateFilingGuidance(NATIONAL_POLICY, { admissionDate: ADMITTED, admissionType: 'emergency', filedOn: '2026-06-30', selfPaidDischargeOn: null })
    expect(guidance.route).toBe('direct_settlement')
  })

  it('gives the Jilin manual claim deadline after a self-paid discharge (Jilin 第十五条)', () => {
    const guidance = lateFilingGuidance(JILIN_POLICY, { admissionDate: ADMITTED, admissionType: 'normal', filedOn: '2026-06-02', selfPaidDischargeOn: '2026-06-01' })
    expect(guidance.notes.map(n => n.code)).toEqual(['manual_reimbursement_after_discharge', 'manual_claim_deadline'])
    expect(guidance.notes[1]?.message).toContain('2027-12-31')
  })

  it('Jilin 第十五条 with 第十六条: the claim deadline counts from the discharge year, not the admission', () => {
    const guidance = lateFilingGuidance(JILIN_POLICY, { admissionDate: '2026-12-20', admissionType: 'normal', filedOn: '2027-01-08', selfPaidDischargeOn: '2027-01-05' })
    expect(guidance.notes.find(n => n.code === 'manual_claim_deadline')?.message).toBe('手工报销请在2028-12-31前申请')
  })
})
