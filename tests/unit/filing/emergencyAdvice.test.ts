import { describe, expect, it } from 'vitest'
import { emergencyAdvice } from '../../../src/features/filing/emergencyAdvice'
import en from '../../../src/i18n/en'
import zhCN from '../../../src/i18n/zh-CN'
import { NATIONAL_POLICY } from '../../../src/domain/policy/national'
import { HEBEI_POLICY, JILIN_POLICY } from '../../../src/domain/policy/regionalPolicies'

describe('the wizard\'s emergency advice follows the insured region', () => {
  it('Hebei 第十一条: admitted first, then filed within 10 days', () => {
    const advice = emergencyAdvice(HEBEI_POLICY)
    expect(advice).toEqual({ key: 'category.emergencyAdviceLateFiling', values: { days: 10 } })
    expect(zhCN.category.emergencyAdviceLateFiling.replace('{days}', '10')).toContain('10日内补办备案')
    expect(en.category.emergencyAdviceLateFiling).toContain('{days} days')
  })

  it.each([['national 二(三)', NATIONAL_POLICY], ['Jilin 第五条', JILIN_POLICY]])('%s: deemed filed, nothing to file', (_name, policy) => {
    expect(emergencyAdvice(policy).key).toBe('category.emergencyAdvice')
  })
})
