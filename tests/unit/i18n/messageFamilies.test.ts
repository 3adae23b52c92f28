import { describe, expect, it } from 'vitest'
import { ADMISSION_OUTCOMES } from '../../../src/domain/filing/coversAdmission'
import { CATEGORY_LABELS, FILING_CATEGORIES, INSURANCE_TYPE_LABELS, INSURANCE_TYPES } from '../../../src/domain/filing/categories'
import { FILING_STATUS_LABELS } from '../../../src/domain/filing/status'
import { NATIONAL_POLICY } from '../../../src/domain/policy/national'
import { POLICY_TABLE } from '../../../src/domain/policy/regionalPolicies'
import { type AdmissionResult, headlineKey } from '../../../src/features/counter/verify/admissionResult'
import { describeCategory } from '../../../src/features/filing/describeCategory'
import { FILING_STEPS } from '../../../src/features/filing/filingForm'
import { MATERIAL_KINDS } from '../../../src/features/filing/materialKinds'
import { RELATIONSHIPS } from '../../../src/features/filing/relationships'
import { FILING_BADGES } from '../../../src/features/lookup/filingDisplay'
import en from '../../../src/i18n/en'
import zhCN from '../../../src/i18n/zh-CN'
import { flatten } from './sourceFiles'

const chinese = flatten(zhCN)
const english = flatten(en)

/** Keys built at run time from a code: every code of the family needs its text in both languages. */
const families: [string, readonly string[]][] = [
  ['categories', FILING_CATEGORIES],
  ['insuranceTypes', INSURANCE_TYPES],
  ['relationships', RELATIONSHIPS],
  ['materials.kinds', MATERIAL_KINDS],
  ['filingStatus', Object.keys(FILING_STATUS_LABELS)],
  ['lookup.badges', FILING_BADGES],
  ['wizard.steps', FILING_STEPS.map(step => step.name)],
  ['category.kind', ['long_term', 'temporary']],
  ['sex', ['male', 'female']],
  ['trauma.states', ['pending', 'synced', 'rejected']],
  ['admission.outcomes', [...ADMISSION_OUTCOMES, 'impersonation_suspected', 'invalid_request']],
  ['nav', ['filing', 'lookup', 'refund', 'me']],
]

const expectBoth = (key: string) => {
  expect(chinese.has(key), `${key} in src/i18n/zh-CN`).toBe(true)
  expect(english.has(key), `${key} in src/i18n/en`).toBe(true)
}

describe('message families built from codes', () => {
  it.each(families.flatMap(([prefix, codes]) => codes.map(code => `${prefix}.${code}`)))('%s', expectBoth)

  it.each([NATIONAL_POLICY, ...POLICY_TABLE.values()].map(policy => [policy.name, policy] as const))(
    'every category explained under %s has its texts',
    (_name, policy) => {
      for (const category of policy.categories) {
        const explanation = describeCategory(category, policy)
        for (const fact of [explanation.validity, explanation.ratio, explanation.proof])
          expectBoth(fact.key)
      }
    },
  )

  // The screens name 人员类别, 险种 and a filing's status as the rulebook does (001 annex 1), so the
  // Chinese a person reads matches the 备案表 and the rulebook's own messages word for word.
  it.each([
    ['categories', CATEGORY_LABELS],
    ['insuranceTypes', INSURANCE_TYPE_LABELS],
    ['filingStatus', FILING_STATUS_LABELS],
  ] as const)('Chinese %s are the rulebook\'s names', (group, labels) => {
    expect(zhCN[group]).toEqual(labels)
  })

  it('says impersonation and revocation before the rulebook outcome', () => {
    const result = { outcome: 'valid', revoked: true, impersonation: false } as AdmissionResult
    expect(headlineKey(result)).toBe('admission.revoked')
    expect(headlineKey({ ...result, impersonation: true })).toBe('admission.impersonation')
    expect(headlineKey({ ...result, revoked: false })).toBe('admission.outcomes.valid')
    expectBoth('admission.revoked')
    expectBoth('admission.impersonation')
  })

  it('a filing in effect for another city reads 就医地不符, not 未备案', () => {
    const result = { outcome: 'none', revoked: false, impersonation: false, notes: [{ code: 'file_before_discharge', message: '' }, { code: 'filing_other_destination', message: '' }] } as AdmissionResult
    expect(headlineKey(result)).toBe('admission.otherDestination')
    expect(headlineKey({ ...result, notes: [] })).toBe('admission.outcomes.none')
    expectBoth('admission.otherDestination')
  })
})
