import { describe, expect, it } from 'vitest'
import { checkProofKinds } from '../../../../src/domain/filing/proofKinds'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { CHONGQING_POLICY, JILIN_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { parseActionPayload } from '../../../../src/domain/schemas/parseAction'
import { filingCreate } from '../schemas/fixtures'

describe('the kind of proof a category brings', () => {
  it('Chongqing 第六条(四): a referral is proved by the hospital\'s 转诊转院证明, not by a 居住证明', () => {
    expect(checkProofKinds('referral', ['residence'], CHONGQING_POLICY)).toMatchObject({ ok: false, code: 'materials_wrong_kind', message: expect.stringContaining('转诊转院证明') })
    expect(checkProofKinds('referral', ['referral_certificate', 'other'], CHONGQING_POLICY).ok).toBe(true)
  })

  it.each([
    ['retired_resettled', 'resettlement'],
    ['long_term_resident', 'residence'],
    ['resident_worker', 'work'],
  ] as const)('Chongqing 第六条: %s is proved by %s', (category, kind) => {
    expect(checkProofKinds(category, [kind], CHONGQING_POLICY).ok).toBe(true)
    expect(checkProofKinds(category, ['other'], CHONGQING_POLICY).ok).toBe(false)
  })

  it('Jilin 第三条: any one of 安置、居住、工作 proves a long-term filing', () => {
    for (const kind of ['resettlement', 'residence', 'work'] as const)
      expect(checkProofKinds('resident_worker', [kind], JILIN_POLICY).ok).toBe(true)
    expect(checkProofKinds('resident_worker', ['residence'], NATIONAL_POLICY).ok).toBe(false)
  })

  it('asks nothing of another temporary trip, and nothing when no materials are given (a promise)', () => {
    expect(checkProofKinds('other_temporary', ['other'], NATIONAL_POLICY).ok).toBe(true)
    expect(checkProofKinds('referral', [], NATIONAL_POLICY).ok).toBe(true)
  })

  it('the filing.create schema names the materials field when their kind does not prove the category', () => {
    const parsed = parseActionPayload('filing.create', filingCreate({ category: 'referral', promise: undefined, materials: [{ kind: 'residence' }] }))
    expect(parsed).toMatchObject({ ok: false, error: { field: 'materials', message: expect.stringContaining('转诊转院证明') } })
  })
})
