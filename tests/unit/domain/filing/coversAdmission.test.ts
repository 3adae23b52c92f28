import type { AdmissionQuery } from '../../../../src/domain/filing/coversAdmission'
import type { RegionPolicy } from '../../../../src/domain/policy/types'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../../../src/domain/dates/calendarDate'
import { coversAdmission } from '../../../../src/domain/filing/coversAdmission'
import { isInEffect } from '../../../../src/domain/filing/status'
import { applyCancel, applySupplement, markUsed } from '../../../../src/domain/filing/transitions'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { CHONGQING_POLICY, HEBEI_POLICY, JILIN_POLICY, POLICY_TABLE, YUNNAN_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { destinationCovers } from '../../../../src/domain/regions/codes'
import { pastDateArb } from '../identity/arbitraries'
import { file } from './fixtures'

const SHENZHEN = '440300'
const HOSPITAL = '440304'

function ask(policy: RegionPolicy, filings: AdmissionQuery['filings'], overrides: Partial<AdmissionQuery> = {}) {
  return coversAdmission({ filings, hospitalCity: HOSPITAL, admissionDate: '2026-05-01', admissionType: 'normal', policy, ...overrides })
}
const codes = (result: ReturnType<typeof coversAdmission>) => result.notes.map(n => n.code)

describe('coversAdmission (DOMAIN §8)', () => {
  it('settles directly with a filing for the hospital city', () => {
    const filing = file(NATIONAL_POLICY, { destination: SHENZHEN })
    const result = ask(NATIONAL_POLICY, [filing])
    expect(result).toMatchObject({ outcome: 'valid', filing, ratioCutPoints: 0 })
    expect(result.notes[0]?.message).toContain('异地长期居住人员')
  })

  it('covers every hospital of a province-level destination (Jilin 第十二条)', () => {
    const hainan = file(NATIONAL_POLICY, { destination: '460000' })
    expect(ask(NATIONAL_POLICY, [hainan], { hospitalCity: '460200' }).outcome).toBe('valid')
    expect(ask(NATIONAL_POLICY, [hainan]).outcome).toBe('none')
  })

  it('settles an admission on the last valid day even if discharge is later (Yunnan 第十二条, Chongqing 第十条, Jilin 第十三条)', () => {
    const temporary = file(YUNNAN_POLICY, { category: 'other_temporary', destination: SHENZHEN, startDate: '2026-03-01' })
    const onLastDay = ask(YUNNAN_POLICY, [temporary], { admissionDate: '2026-08-31' })
    expect(onLastDay.outcome).toBe('valid')
    expect(codes(onLastDay)).toContain('settles_past_window')
    expect(ask(YUNNAN_POLICY, [temporary], { admissionDate: '2026-09-01' }).outcome).toBe('none')
    expect(ask(YUNNAN_POLICY, [temporary], { admissionDate: '2026-02-28' }).outcome).toBe('none')
  })

  it('honours a filing cancelled after the admission day but not before it', () => {
    const cancelled = applyCancel(file(NATIONAL_POLICY, { destination: SHENZHEN }), '2026-05-02')
    expect(ask(NATIONAL_POLICY, [cancelled]).outcome).toBe('valid')
    expect(ask(NATIONAL_POLICY, [cancelled], { admissionDate: '2026-05-02' }).outcome).toBe('none')
  })

  it('makes frozen benefits self-pay even with a valid filing (Hebei 第十九条)', () => {
    const result = ask(HEBEI_POLICY, [file(HEBEI_POLICY, { destination: SHENZHEN })], { benefitsFrozen: true })
    expect(result).toEqual({ outcome: 'frozen', ratioCutPoints: 0, notes: [expect.objectContaining({ code: 'benefits_frozen' })] })
  })

  it('Hebei 第十二条: suspended benefits settle nothing directly either, whatever the filing', () => {
    const result = ask(HEBEI_POLICY, [file(HEBEI_POLICY, { destination: SHENZHEN })], { benefitsSuspended: true, admissionType: 'emergency' })
    expect(result).toEqual({ outcome: 'frozen', ratioCutPoints: 0, notes: [expect.objectContaining({ code: 'benefits_suspended' })] })
  })

  it('DOMAIN §13: an insurance relationship ended before the admission day settles nothing; ending that day still does', () => {
    const filing = file(NATIONAL_POLICY, { destination: SHENZHEN })
    const ended = ask(NATIONAL_POLICY, [filing], { insuranceEndedOn: '2026-04-30' })
    expect(ended.outcome).toBe('none')
    expect(ended.notes[0]).toMatchObject({ code: 'insurance_ended', message: expect.stringContaining('2026-04-30') })
    expect(ask(NATIONAL_POLICY, [filing], { insuranceEndedOn: '2026-05-01' }).outcome).toBe('valid')
  })

  it.each([
    ['national 二(六)', NATIONAL_POLICY, 10, 20],
    ['云南 四(一)', YUNNAN_POLICY, 0, 20],
    ['重庆 (national)', CHONGQING_POLICY, 10, 20],
    ['湛江 二(五)', ZHANJIANG_POLICY, 10, 20],
    ['吉林 (national)', JILIN_POLICY, 10, 20],
  ])('cuts the ratio of temporary filings (%s): referral %i, other %i points', (_name, policy, referralCut, otherCut) => {
    const referral = ask(policy, [file(policy, { category: 'referral', destination: SHENZHEN, startDate: '2026-04-01' })])
    expect(referral).toMatchObject({ outcome: 'valid', ratioCutPoints: referralCut })
    const other = ask(policy, [file(policy, { category: 'other_temporary', destination: SHENZHEN, startDate: '2026-04-01' })])
    expect(other).toMatchObject({ outcome: 'valid', ratioCutPoints: otherCut })
    expect(codes(other)).toContain('ratio_cut')
  })

  it.each(ZHANJIANG_POLICY.fullRateReferralHospitals)('湛江 二(六): a referral from $name, known by its 医疗机构代码 $code, pays at the local rate', ({ code, name }) => {
    const named = file(ZHANJIANG_POLICY, { category: 'referral', destination: SHENZHEN, startDate: '2026-04-01', referredBy: name, referredByCode: code })
    expect(ask(ZHANJIANG_POLICY, [named]).ratioCutPoints).toBe(0)
  })

  it('湛江 二(六): a hospital name alone, however exact, or a code the policy does not list, is cut 10 points; other regions list none', () => {
    const referral = (referredBy: string, referredByCode?: string) => file(ZHANJIANG_POLICY, { category: 'referral', destination: SHENZHEN, startDate: '2026-04-01', referredBy, ...(referredByCode && { referredByCode }) })
    expect(ask(ZHANJIANG_POLICY, [referral('雷州市人民医院')]).ratioCutPoints).toBe(10)
    expect(ask(ZHANJIANG_POLICY, [referral('湛江市中心人民医院')]).ratioCutPoints).toBe(10)
    expect(ask(ZHANJIANG_POLICY, [referral('雷州市人民医院', 'H44088200002')]).ratioCutPoints).toBe(10)
    const elsewhere = file(NATIONAL_POLICY, { category: 'referral', destination: SHENZHEN, startDate: '2026-04-01', referredBy: '湛江中心人民医院', referredByCode: 'H44080300001' })
    expect(ask(NATIONAL_POLICY, [elsewhere]).ratioCutPoints).toBe(10)
  })

  it.each([
    ['national', NATIONAL_POLICY, 10, false],
    ['云南 四(一)', YUNNAN_POLICY, 0, false],
    ['河北 第十一条', HEBEI_POLICY, 10, true],
    ['湛江 二(五)', ZHANJIANG_POLICY, 10, false],
    ['吉林 第二十六条', JILIN_POLICY, 10, false],
  ])('deems an emergency admission filed (%s)', (_name, policy, cut, hasWindow) => {
    const result = ask(policy, [], { admissionType: 'emergency' })
    expect(result).toMatchObject({ outcome: 'deemed', ratioCutPoints: cut })
    expect(codes(result).includes('emergency_late_filing_window')).toBe(hasWindow)
  })

  it('tells the Hebei 10-day 补办 deadline of an emergency (Hebei 第十一条)', () => {
    const result = ask(HEBEI_POLICY, [], { admissionType: 'emergency' })
    expect(result.notes.find(n => n.code === 'emergency_late_filing_window')?.message).toContain('2026-05-11')
  })

  it('prefers a long-term filing over the emergency rate, the emergency rate over another temporary filing (Jilin 第十八条)', () => {
    const longTerm = file(NATIONAL_POLICY, { destination: SHENZHEN })
    expect(ask(NATIONAL_POLICY, [longTerm], { admissionType: 'emergency' })).toMatchObject({ outcome: 'valid', ratioCutPoints: 0 })
    const other = file(NATIONAL_POLICY, { category: 'other_temporary', destination: SHENZHEN, startDate: '2026-04-01' })
    expect(ask(NATIONAL_POLICY, [other], { admissionType: 'emergency' })).toMatchObject({ outcome: 'deemed', ratioCutPoints: 10 })
  })

  it('chooses the filing with the best benefit whatever the order (待遇择优, Jilin 第十八条(一))', () => {
    const referral = file(NATIONAL_POLICY, { category: 'referral', destination: '440300', startDate: '2026-04-01' })
    const longTerm = file(NATIONAL_POLICY, { destination: '440300', insuranceType: 'employee' })
    const province = file(NATIONAL_POLICY, { category: 'other_temporary', destination: SHENZHEN, startDate: '2026-04-20' })
    expect(ask(NATIONAL_POLICY, [referral, longTerm, province]).filing).toBe(longTerm)
    expect(ask(NATIONAL_POLICY, [province, longTerm, referral]).filing).toBe(longTerm)
    expect(ask(NATIONAL_POLICY, [province, referral]).filing).toBe(referral)
  })

  it('prefers a filing with materials over a promise still waiting for them, then the longer one', () => {
    const waiting = file(JILIN_POLICY, { byPromise: true, destination: SHENZHEN })
    const ordinary = file(JILIN_POLICY, { destination: SHENZHEN, startDate: '2026-02-01' })
    expect(ask(JILIN_POLICY, [waiting, ordinary]).filing).toBe(ordinary)
    const short = file(NATIONAL_POLICY, { category: 'other_temporary', destination: SHENZHEN, startDate: '2026-01-01' })
    const long = file(NATIONAL_POLICY, { category: 'other_temporary', destination: SHENZHEN, startDate: '2026-04-01' })
    expect(ask(NATIONAL_POLICY, [short, long]).filing).toBe(long)
  })

  it('flags a promise filing waiting for materials (Jilin 第六条, national 二(五) 双向享受)', () => {
    const result = ask(JILIN_POLICY, [file(JILIN_POLICY, { byPromise: true, destination: SHENZHEN })])
    expect(result.outcome).toBe('valid')
    expect(codes(result)).toEqual(expect.arrayContaining(['promise_pending_materials', 'two_way_after_materials', 'settles_past_window']))
  })

  it('uses a one-visit referral for its own admission only (Hebei 第九条)', () => {
    const referral = file(HEBEI_POLICY, { category: 'referral', destination: SHENZHEN, startDate: '2026-04-01' })
    expect(codes(ask(HEBEI_POLICY, [referral]))).toContain('one_visit_referral')
    const used = markUsed(referral, '2026-04-10')
    expect(ask(HEBEI_POLICY, [used], { admissionDate: '2026-04-10' }).outcome).toBe('valid')
    expect(ask(HEBEI_POLICY, [used]).outcome).toBe('none')
  })

  it('guides the unfiled to 补办 before discharge, else manual reimbursement (national 二(四))', () => {
    const result = ask(NATIONAL_POLICY, [])
    expect(result).toMatchObject({ outcome: 'none', ratioCutPoints: 0 })
    expect(codes(result)).toEqual(['file_before_discharge', 'manual_reimbursement_after_discharge'])
  })

  it.each([
    ['云南 四(一): floor 50%', YUNNAN_POLICY, 'unfiled_ratio_floor', '50%'],
    ['吉林 第十五条: claims until the end of the year after discharge', JILIN_POLICY, 'manual_claim_deadline', '出院次年的12月31日前'],
  ])('adds the region\'s reimbursement rule (%s)', (_name, policy, code, text) => {
    const result = ask(policy, [])
    expect(result.notes.find(n => n.code === code)?.message).toContain(text)
  })

  it('says when the filing names another place', () => {
    expect(codes(ask(NATIONAL_POLICY, [file(NATIONAL_POLICY, { destination: '310000' })]))).toContain('filing_other_destination')
  })

  it('ignores a filing of an earlier 参保地 or 险种 (Jilin 第十四条)', () => {
    const old = file(JILIN_POLICY, { destination: SHENZHEN, insuranceType: 'resident' })
    const result = ask(JILIN_POLICY, [old], { insured: { region: '220100', insuranceType: 'employee' } })
    expect(result.outcome).toBe('none')
    expect(codes(result)).toContain('new_filing_required')
    expect(ask(JILIN_POLICY, [old], { insured: { region: '220100', insuranceType: 'resident' } }).outcome).toBe('valid')
  })

  describe('properties', () => {
    const policies = [...POLICY_TABLE.values()]
    const filingArb = fc.record({
      policy: fc.constantFrom(...policies),
      category: fc.constantFrom('long_term_resident' as const, 'referral' as const, 'other_temporary' as const, 'retired_resettled' as const),
      destination: fc.constantFrom(SHENZHEN, '440100', '460000', '310000'),
      startDate: pastDateArb.filter(d => d >= '2024-01-01'),
      byPromise: fc.boolean(),
      cancelAfterDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      supplyAfterDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    })
    const scenarioArb = fc.record({
      policy: fc.constantFrom(...policies),
      specs: fc.array(filingArb, { maxLength: 5 }),
      admissionDate: pastDateArb.filter(d => d >= '2024-01-01'),
      admissionType: fc.constantFrom('normal' as const, 'emergency' as const),
      hospitalCity: fc.constantFrom(HOSPITAL, '460200', '310101', '440103'),
      frozen: fc.boolean(),
      // Most scenarios admit within a year of the first filing's start, so `valid` is common enough to test.
      anchored: fc.integer({ min: 0, max: 3 }).map(n => n > 0),
      anchorOffsetDays: fc.integer({ min: 0, max: 400 }),
    }).map(s => ({
      ...s,
      admissionDate: s.anchored && s.specs[0] ? addDays(s.specs[0].startDate, s.anchorOffsetDays) : s.admissionDate,
      filings: s.specs.map((spec) => {
        let filing = file(s.policy, spec)
        if (spec.byPromise && spec.supplyAfterDays !== undefined)
          filing = applySupplement(filing, addDays(spec.startDate, spec.supplyAfterDays))
        return spec.cancelAfterDays === undefined ? filing : applyCancel(filing, addDays(spec.startDate, spec.cancelAfterDays))
      }),
    }))

    it('is deterministic and independent of the order of filings', () => {
      fc.assert(fc.property(scenarioArb, (s) => {
        const query = { filings: s.filings, hospitalCity: s.hospitalCity, admissionDate: s.admissionDate, admissionType: s.admissionType, policy: s.policy, benefitsFrozen: s.frozen }
        const first = coversAdmission(query)
        expect(coversAdmission(query)).toEqual(first)
        expect(coversAdmission({ ...query, filings: s.filings.toReversed() })).toEqual(first)
      }))
    })

    it('never returns valid for a filing cancelled by, or outside its window on, the admission day', () => {
      const runs = 1000
      let valid = 0
      fc.assert(fc.property(scenarioArb, (s) => {
        const result = coversAdmission({ filings: s.filings, hospitalCity: s.hospitalCity, admissionDate: s.admissionDate, admissionType: s.admissionType, policy: s.policy })
        if (result.outcome !== 'valid')
          return
        valid++
        const filing = result.filing!
        expect(filing).toBeDefined()
        expect(isInEffect(filing, s.admissionDate)).toBe(true)
        expect(destinationCovers(filing.destination, s.hospitalCity)).toBe(true)
        expect(filing.cancelledOn === null || filing.cancelledOn > s.admissionDate).toBe(true)
        expect(filing.startDate <= s.admissionDate).toBe(true)
        expect(filing.endDate === null || s.admissionDate <= filing.endDate).toBe(true)
        const suppliedInTime = filing.materialsSuppliedOn !== null && filing.materialsSuppliedOn <= (filing.promiseEndDate ?? '')
        expect(filing.promiseEndDate === null || suppliedInTime || s.admissionDate <= filing.promiseEndDate).toBe(true)
      }), { numRuns: runs })
      // The property means nothing unless the generator reaches `valid` often.
      expect(valid).toBeGreaterThan(runs / 10)
    })
  })
})
