import type { RegionPolicy } from '../../../../src/domain/policy/types'
import { describe, expect, it } from 'vitest'
import { canCreate } from '../../../../src/domain/filing/canCreate'
import { applyCancel, applySupplement, markUsed } from '../../../../src/domain/filing/transitions'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { CHONGQING_POLICY, HEBEI_POLICY, JILIN_POLICY, YUNNAN_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { draft, file } from './fixtures'

const TODAY = '2026-03-01'
const REGIONS: [string, RegionPolicy][] = [
  ['云南', YUNNAN_POLICY], ['重庆', CHONGQING_POLICY], ['河北', HEBEI_POLICY], ['湛江', ZHANJIANG_POLICY], ['吉林', JILIN_POLICY],
]

function codeOf(result: ReturnType<typeof canCreate>): string {
  return result.ok ? 'ok' : result.code
}

describe('canCreate', () => {
  it('accepts an ordinary filing with materials', () => {
    expect(canCreate([], draft(NATIONAL_POLICY), TODAY, NATIONAL_POLICY)).toEqual({ ok: true })
  })

  it('asks for materials or a promise for a category that needs proof (Chongqing 第六条)', () => {
    const result = canCreate([], draft(NATIONAL_POLICY, { hasMaterials: false }), TODAY, NATIONAL_POLICY)
    expect(result).toMatchObject({ ok: false, code: 'materials_required', message: expect.stringContaining('承诺书') })
  })

  it('needs no proof for another temporary trip (Yunnan 第八条)', () => {
    expect(codeOf(canCreate([], draft(NATIONAL_POLICY, { category: 'other_temporary', hasMaterials: false }), TODAY, NATIONAL_POLICY))).toBe('ok')
  })

  it.each([
    ['云南 (三(二): every filing)', YUNNAN_POLICY, 'ok'],
    ['重庆 (第六条: referral needs the certificate)', CHONGQING_POLICY, 'promise_not_allowed'],
    ['河北 (national default)', HEBEI_POLICY, 'promise_not_allowed'],
    ['湛江 (二(四): long-term only)', ZHANJIANG_POLICY, 'promise_not_allowed'],
    ['吉林 (第六条 with 第四条)', JILIN_POLICY, 'ok'],
  ])('a referral by promise under %s → %s', (_name, policy, expected) => {
    const referral = draft(policy, { category: 'referral', byPromise: true, hasMaterials: false })
    expect(codeOf(canCreate([], referral, TODAY, policy))).toBe(expected)
  })

  it.each([
    ['云南', YUNNAN_POLICY, 'ok'],
    ['重庆', CHONGQING_POLICY, 'ok'],
    ['河北', HEBEI_POLICY, 'ok'],
    ['湛江', ZHANJIANG_POLICY, 'ok'],
    ['吉林', JILIN_POLICY, 'promise_already_active'],
  ])('rejects a second active promise filing only where the region says so (Jilin 第六条(二)): %s → %s', (_name, policy, expected) => {
    const first = file(policy, { byPromise: true, destination: '440300', startDate: '2026-01-10' })
    const second = draft(policy, { byPromise: true, hasMaterials: false, destination: '310000' })
    expect(codeOf(canCreate([first], second, TODAY, policy))).toBe(expected)
  })

  it('allows a second promise once the first has its materials (Jilin 第六条(二))', () => {
    const first = applySupplement(file(JILIN_POLICY, { byPromise: true, startDate: '2026-01-10' }), '2026-02-01')
    expect(codeOf(canCreate([first], draft(JILIN_POLICY, { byPromise: true, hasMaterials: false, destination: '310000' }), TODAY, JILIN_POLICY))).toBe('ok')
  })

  it('refuses a new promise after one lapsed without materials, but not an ordinary filing (Jilin 第六条(二))', () => {
    const lapsed = file(JILIN_POLICY, { byPromise: true, startDate: '2025-06-01' })
    const byPromise = canCreate([lapsed], draft(JILIN_POLICY, { byPromise: true, hasMaterials: false }), TODAY, JILIN_POLICY)
    expect(byPromise).toMatchObject({ ok: false, code: 'promise_lapsed' })
    expect(codeOf(canCreate([lapsed], draft(JILIN_POLICY), TODAY, JILIN_POLICY))).toBe('ok')
  })

  it('lets a promise filing cancelled before its end leave no lapse behind (Jilin 第六条)', () => {
    const cancelled = applyCancel(file(JILIN_POLICY, { byPromise: true, startDate: '2025-06-01' }), '2025-07-01')
    expect(codeOf(canCreate([cancelled], draft(JILIN_POLICY, { byPromise: true, hasMaterials: false }), TODAY, JILIN_POLICY))).toBe('ok')
  })

  it.each(REGIONS)('offers only the categories of the insured region: other temporary under %s', (_name, policy) => {
    const expected = policy === HEBEI_POLICY ? 'category_not_allowed' : 'ok'
    expect(codeOf(canCreate([], draft(policy, { category: 'other_temporary' }), TODAY, policy))).toBe(expected)
  })

  it('Hebei 第七条(一): a long-term filing needs the person to declare half a year or more away; elsewhere, and for temporary trips, it does not', () => {
    const undeclared = canCreate([], draft(HEBEI_POLICY, { longStayDeclared: false }), TODAY, HEBEI_POLICY)
    expect(undeclared).toMatchObject({ ok: false, code: 'long_stay_not_declared' })
    expect(!undeclared.ok && undeclared.message).toContain('6个月')
    expect(codeOf(canCreate([], draft(HEBEI_POLICY), TODAY, HEBEI_POLICY))).toBe('ok')
    expect(codeOf(canCreate([], draft(HEBEI_POLICY, { category: 'referral', longStayDeclared: false }), TODAY, HEBEI_POLICY))).toBe('ok')
    expect(codeOf(canCreate([], draft(JILIN_POLICY, { longStayDeclared: false }), TODAY, JILIN_POLICY))).toBe('ok')
  })

  it('Hebei 第九条: a one-visit referral blocks a second one to the same place until its visit uses it; then the next is filed', () => {
    const referral = file(HEBEI_POLICY, { category: 'referral', destination: '440300', startDate: TODAY })
    const next = draft(HEBEI_POLICY, { category: 'referral', destination: '440300', startDate: TODAY })
    expect(codeOf(canCreate([referral], next, TODAY, HEBEI_POLICY))).toBe('destination_conflict')
    expect(codeOf(canCreate([markUsed(referral, TODAY)], next, TODAY, HEBEI_POLICY))).toBe('ok')
  })

  it('files 外出务工农民 in Hebei only (Hebei 第七条)', () => {
    expect(codeOf(canCreate([], draft(HEBEI_POLICY, { category: 'migrant_worker' }), TODAY, HEBEI_POLICY))).toBe('ok')
    expect(codeOf(canCreate([], draft(JILIN_POLICY, { category: 'migrant_worker' }), TODAY, JILIN_POLICY))).toBe('category_not_allowed')
  })

  it('refuses an insurance type the region does not offer', () => {
    const employeeOnly = { ...NATIONAL_POLICY, insuranceTypes: ['employee'] as const }
    expect(codeOf(canCreate([], draft(employeeOnly, { insuranceType: 'resident' }), TODAY, employeeOnly))).toBe('insurance_type_not_allowed')
  })

  it.each([
    ['530000', 'destination_province_not_allowed'],
    ['460000', 'ok'],
    ['660000', 'ok'],
    ['420100', 'destination_is_home'],
    ['420000', 'destination_province_not_allowed'],
  ])('destination %s → %s (Yunnan 第十一条, Jilin 第十二条)', (destination, expected) => {
    expect(codeOf(canCreate([], draft(NATIONAL_POLICY, { destination }), TODAY, NATIONAL_POLICY))).toBe(expected)
  })

  it('refuses a Chongqing city as destination for someone insured in Chongqing', () => {
    expect(codeOf(canCreate([], draft(CHONGQING_POLICY, { destination: '500200' }), TODAY, CHONGQING_POLICY))).toBe('destination_is_home')
  })

  it('refuses a second filing for the same place and time', () => {
    const existing = file(NATIONAL_POLICY, { destination: '460100' })
    expect(codeOf(canCreate([existing], draft(NATIONAL_POLICY, { destination: '460100' }), TODAY, NATIONAL_POLICY))).toBe('destination_conflict')
    expect(codeOf(canCreate([existing], draft(NATIONAL_POLICY, { destination: '460000' }), TODAY, NATIONAL_POLICY))).toBe('destination_conflict')
    expect(codeOf(canCreate([existing], draft(NATIONAL_POLICY, { destination: '440100' }), TODAY, NATIONAL_POLICY))).toBe('ok')
  })

  it('allows the same place again once the earlier filing has ended or before it starts', () => {
    const ended = file(NATIONAL_POLICY, { category: 'other_temporary', startDate: '2025-01-01' })
    expect(codeOf(canCreate([ended], draft(NATIONAL_POLICY), TODAY, NATIONAL_POLICY))).toBe('ok')
    const later = file(NATIONAL_POLICY, { category: 'other_temporary', startDate: '2026-12-01', filedOn: TODAY })
    const before = draft(NATIONAL_POLICY, { category: 'other_temporary', startDate: '2026-03-01' })
    expect(codeOf(canCreate([later], before, TODAY, NATIONAL_POLICY))).toBe('ok')
  })

  it('ignores filings of an earlier insurance relationship for conflicts (Jilin 第十四条)', () => {
    const old = file(JILIN_POLICY, { insuranceType: 'resident' })
    expect(codeOf(canCreate([old], draft(JILIN_POLICY), TODAY, JILIN_POLICY))).toBe('ok')
  })

  it('Jilin 第十条: a referral for someone already filed long-term to that place is accepted', () => {
    const living = file(JILIN_POLICY, { destination: '440300' })
    const referral = draft(JILIN_POLICY, { category: 'referral', destination: '440300' })
    expect(codeOf(canCreate([living], referral, TODAY, JILIN_POLICY))).toBe('ok')
    // A second referral to the same place at the same time is a true duplicate.
    const referred = file(JILIN_POLICY, { category: 'referral', destination: '440300' })
    expect(codeOf(canCreate([living, referred], referral, TODAY, JILIN_POLICY))).toBe('destination_conflict')
  })

  it('refuses a second long-term filing for one place whatever its long-term category', () => {
    const retired = file(NATIONAL_POLICY, { category: 'retired_resettled', destination: '440100' })
    expect(codeOf(canCreate([retired], draft(NATIONAL_POLICY, { category: 'long_term_resident', destination: '440100' }), TODAY, NATIONAL_POLICY))).toBe('destination_conflict')
  })

  it('Jilin 第六条(二): a referral does not count toward the two destinations in effect at once', () => {
    const work = file(JILIN_POLICY, { destination: '440300' })
    const home = file(JILIN_POLICY, { destination: '310000' })
    expect(codeOf(canCreate([work, home], draft(JILIN_POLICY, { category: 'referral', destination: '110000' }), TODAY, JILIN_POLICY))).toBe('ok')
  })

  it('allows two destinations at once in Jilin but not a third (Jilin 第六条(二))', () => {
    const work = file(JILIN_POLICY, { destination: '440300' })
    const home = file(JILIN_POLICY, { destination: '310000' })
    expect(codeOf(canCreate([work], draft(JILIN_POLICY, { destination: '310000' }), TODAY, JILIN_POLICY))).toBe('ok')
    expect(canCreate([work, home], draft(JILIN_POLICY, { destination: '110000' }), TODAY, JILIN_POLICY)).toMatchObject({ ok: false, code: 'too_many_filings', message: expect.stringContaining('2') })
    expect(codeOf(canCreate([work, home], draft(JILIN_POLICY, { destination: '110000' }), TODAY, NATIONAL_POLICY))).toBe('ok')
  })
})
