import { describe, expect, it } from 'vitest'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { CHONGQING_POLICY, HEBEI_POLICY, JILIN_POLICY, POLICY_TABLE, YUNNAN_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'

const ALL = [
  ['national', NATIONAL_POLICY],
  ['云南', YUNNAN_POLICY],
  ['重庆', CHONGQING_POLICY],
  ['河北', HEBEI_POLICY],
  ['湛江', ZHANJIANG_POLICY],
  ['吉林', JILIN_POLICY],
] as const

describe('policy table (DOMAIN §5-§7, §10)', () => {
  it.each([
    ['national 二(三)', NATIONAL_POLICY, { kind: 'months', months: 6 }],
    ['Yunnan 第十条', YUNNAN_POLICY, { kind: 'months', months: 6 }],
    ['Chongqing 第八条', CHONGQING_POLICY, { kind: 'months', months: 12 }],
    ['Hebei 第九条', HEBEI_POLICY, { kind: 'one_visit' }],
    ['湛江 二(二)', ZHANJIANG_POLICY, { kind: 'months', months: 6 }],
    ['Jilin (national default)', JILIN_POLICY, { kind: 'months', months: 6 }],
  ])('referral validity (%s)', (_source, policy, expected) => {
    expect(policy.temporaryValidity.referral).toEqual(expected)
  })

  it.each([
    ['national 二(三): left to the region', NATIONAL_POLICY, null],
    ['Yunnan 第十条: left to the region', YUNNAN_POLICY, null],
    ['Chongqing: none', CHONGQING_POLICY, null],
    ['Hebei 第十条: 就医地 within half a year', HEBEI_POLICY, { months: 6, locks: ['change_destination'] }],
    ['湛江 二(二): change or cancel within 6 months', ZHANJIANG_POLICY, { months: 6, locks: ['change_destination', 'change_details', 'cancel'] }],
  ])('long-term lock (%s)', (_source, policy, expected) => {
    expect(policy.longTermLock).toEqual(expected)
  })

  it.each([
    ['national 二(六): at most 10 / 20', NATIONAL_POLICY, { referral: 10, emergency: 10, otherTemporary: 20 }],
    ['Yunnan 四(一): no cut for referral or emergency', YUNNAN_POLICY, { referral: 0, emergency: 0, otherTemporary: 20 }],
    ['湛江 二(五): exactly 10 / 20', ZHANJIANG_POLICY, { referral: 10, emergency: 10, otherTemporary: 20 }],
  ])('ratio cut points (%s)', (_source, policy, expected) => {
    expect(policy.ratioCutPoints).toEqual(expected)
  })

  it('Jilin 第六条: promise 6 months, one at a time, locked until materials, never again after a lapse', () => {
    expect(JILIN_POLICY.promise).toMatchObject({ validityMonths: 6, singleActive: true, lockedUntilMaterials: true, noRepeatAfterLapse: true })
    expect(JILIN_POLICY.promise.categories).toContain('referral')
    expect(JILIN_POLICY.maxLongTermFilings).toBe(2)
  })

  it('Chongqing 第六条: promise replaces proof for long-term categories only', () => {
    expect(CHONGQING_POLICY.promise.categories).not.toContain('referral')
    expect(CHONGQING_POLICY.promise.categories).toContain('retired_resettled')
  })

  it('Yunnan 三(二): promise for every filing; unfiled care not below 50% (四(一))', () => {
    expect(YUNNAN_POLICY.promise.categories).toEqual(YUNNAN_POLICY.categories)
    expect(YUNNAN_POLICY.unfiledFloorRatioPercent).toBe(50)
  })

  it('Hebei 第七条: adds 外出务工农民 and 外来就业创业人员, has no other temporary category', () => {
    expect(HEBEI_POLICY.categories).toContain('migrant_worker')
    expect(HEBEI_POLICY.categories).not.toContain('other_temporary')
    expect(NATIONAL_POLICY.categories).not.toContain('migrant_worker')
    expect(HEBEI_POLICY.emergencyLateFilingDays).toBe(10)
  })

  it('Jilin 第十五条/第十六条: manual claims until the end of next year; cross-year stays split by days', () => {
    expect(JILIN_POLICY.manualClaimYearsAfter).toBe(1)
    expect(JILIN_POLICY.crossYearStay).toBe('split_by_days')
    expect(NATIONAL_POLICY.crossYearStay).toBe('single')
  })

  it('Chongqing 第七条: online filings within 2 working days; Yunnan 第九条 instantly', () => {
    expect(CHONGQING_POLICY.onlineProcessingWorkingDays).toBe(2)
    expect(YUNNAN_POLICY.onlineProcessingWorkingDays).toBe(0)
  })

  it.each(ALL)('%s: outpatient figures are whole 分, ratios 0-100, marked as samples', (_name, policy) => {
    expect(policy.outpatientIsSample).toBe(true)
    for (const benefit of Object.values(policy.outpatient)) {
      expect(Number.isSafeInteger(benefit.deductibleFen)).toBe(true)
      expect(Number.isSafeInteger(benefit.annualCapFen)).toBe(true)
      expect(benefit.annualCapFen).toBeGreaterThan(benefit.deductibleFen)
      for (const ratio of Object.values(benefit.ratioPercentByLevel)) {
        expect(ratio).toBeGreaterThanOrEqual(0)
        expect(ratio).toBeLessThanOrEqual(100)
      }
    }
  })

  it.each(ALL)('%s: carries the 备案告知书 and both commitments as replaceable text', (_name, policy) => {
    expect(policy.texts.version).not.toBe('')
    expect(policy.texts.filingNotice.length).toBeGreaterThan(20)
    expect(policy.texts.promiseCommitments.join('')).toMatch(/信息共享/)
    expect(policy.texts.traumaCommitments.join('')).toMatch(/第三方责任/)
    expect(policy.texts.antiFraudWarning).toMatch(/第二百六十六条/)
  })

  it.each(ALL)('%s: the 备案告知书 is confirmed once, by its own checkbox, not again among the commitments (001 annex 2)', (_name, policy) => {
    // Annex 2's one statement "已阅读并知晓《备案告知书》所述内容" is the checkbox under the notice (promise.noticeAccepted).
    expect(policy.texts.promiseCommitments.filter(line => line.includes('告知书'))).toEqual([])
  })

  it.each(ALL)('%s: the 备案告知书 states the region\'s own ratio cuts for temporary trips', (_name, policy) => {
    const line = policy.texts.filingNotice.split('\n').find(text => text.startsWith('三、'))
    expect(line).toContain(`其他临时外出就医低${policy.ratioCutPoints.otherTemporary}个百分点`)
    if (policy.ratioCutPoints.referral > 0)
      expect(line).toContain(`转诊转院的支付比例比参保地同级医疗机构低${policy.ratioCutPoints.referral}个百分点`)
  })

  it('Yunnan 四(一): the notice says referral and emergency care are not paid at a lower ratio', () => {
    expect(YUNNAN_POLICY.texts.filingNotice).toContain('转诊转院和急诊抢救按参保地规定享受待遇，不降低支付比例')
    expect(YUNNAN_POLICY.texts.version).not.toBe(NATIONAL_POLICY.texts.version)
  })

  it.each(ALL)('%s: promise categories are categories the region files', (_name, policy) => {
    for (const category of policy.promise.categories)
      expect(policy.categories).toContain(category)
  })

  it('has a national default and the five regions of the seeds', () => {
    expect([...POLICY_TABLE.keys()].toSorted()).toEqual(['000000', '130000', '220000', '440800', '500000', '530000'])
  })
})
