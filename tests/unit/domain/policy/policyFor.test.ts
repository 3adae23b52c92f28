import { describe, expect, it } from 'vitest'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { policyFor, ratioAfterCut, unfiledRatio } from '../../../../src/domain/policy/policyFor'
import { POLICY_TABLE, YUNNAN_POLICY } from '../../../../src/domain/policy/regionalPolicies'

describe('policy lookup (参保地政策)', () => {
  it.each([
    ['440800', '广东省湛江市', 'the city itself'],
    ['440802', '广东省湛江市', 'a district of 湛江 falls back to its city'],
    ['530100', '云南省', '昆明 falls back to 云南 province'],
    ['220200', '吉林省', '吉林市 falls back to 吉林 province'],
    ['130100', '河北省', '石家庄 falls back to 河北 province'],
    ['500100', '重庆市', 'a Chongqing city code falls back to 重庆'],
    ['440100', '全国默认', '广州 has no entry and falls back to the national default'],
    ['990000', '全国默认', 'an unknown code gets the national default'],
  ])('policyFor(%s) is %s: %s', (code, name) => {
    expect(policyFor(code).name).toBe(name)
  })

  it('uses a deployment table when given one, still falling back to the national default', () => {
    const custom = new Map([['530000', { ...YUNNAN_POLICY, name: '云南（部署）' }]])
    expect(policyFor('530100', custom).name).toBe('云南（部署）')
    expect(policyFor('220000', custom)).toBe(NATIONAL_POLICY)
  })

  it('keys every policy by its own region', () => {
    for (const [code, policy] of POLICY_TABLE)
      expect(policy.region).toBe(code)
    expect(POLICY_TABLE.size).toBe(6)
  })
})

describe('ratio cuts (national 二(六), Yunnan 四(一))', () => {
  it('cuts a ratio by points, never below zero', () => {
    expect(ratioAfterCut(90, 20)).toBe(70)
    expect(ratioAfterCut(15, 20)).toBe(0)
  })

  it('keeps unfiled care at or above the 50% floor in Yunnan', () => {
    expect(unfiledRatio(YUNNAN_POLICY, 60, 20)).toBe(50)
    expect(unfiledRatio(YUNNAN_POLICY, 90, 20)).toBe(70)
    expect(unfiledRatio(YUNNAN_POLICY, 45, 20)).toBe(45)
  })

  it('applies the plain cut where no floor is set (national)', () => {
    expect(unfiledRatio(NATIONAL_POLICY, 60, 20)).toBe(40)
  })
})
