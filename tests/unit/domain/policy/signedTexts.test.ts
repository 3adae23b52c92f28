import { describe, expect, it } from 'vitest'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { YUNNAN_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { textsOfVersion, textsSignedUnder } from '../../../../src/domain/policy/texts'

// 重庆 附件2: the signed 个人承诺书 "由医保经办部门存档，两年内不得销毁" — its print must be what was signed.
describe('a signed promise prints the wording it was signed under', () => {
  it('today\'s version is the policy\'s own texts', () => {
    expect(textsSignedUnder(NATIONAL_POLICY.texts.version, NATIONAL_POLICY.texts)).toEqual({ texts: NATIONAL_POLICY.texts, exact: true })
    expect(textsOfVersion(YUNNAN_POLICY.texts.version)).toEqual(YUNNAN_POLICY.texts)
  })

  it('a promise signed under edition 2 prints its five commitments, the notice\'s read among them, after edition 3 dropped it', () => {
    const { texts, exact } = textsSignedUnder('default-2026-2-10-10-20', NATIONAL_POLICY.texts)
    expect(exact).toBe(true)
    expect(texts.promiseCommitments).toHaveLength(5)
    expect(texts.promiseCommitments[0]).toContain('《备案告知书》')
    expect(NATIONAL_POLICY.texts.promiseCommitments).toHaveLength(4)
    expect(texts.filingNotice).toContain('转诊转院的支付比例比参保地同级医疗机构低10个百分点')
  })

  it('Yunnan 四(一): an edition-2 Yunnan promise keeps "不降低支付比例"; edition 1 had the one general line', () => {
    expect(textsOfVersion('default-2026-2-0-0-20')?.filingNotice).toContain('不降低支付比例')
    expect(textsOfVersion('default-2026-1')?.filingNotice).toContain('临时外出就医的支付比例低于参保地同级医疗机构')
  })

  it('a version this build never showed prints today\'s texts, marked as not exact', () => {
    for (const version of ['chongqing-2024-7', 'default-2026-9-10-10-20', 'default-2026-1-10-10-20', 'default-2026-2'])
      expect(textsSignedUnder(version, NATIONAL_POLICY.texts)).toEqual({ texts: NATIONAL_POLICY.texts, exact: false })
  })
})
