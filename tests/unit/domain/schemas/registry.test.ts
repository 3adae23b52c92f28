import { describe, expect, it } from 'vitest'
import { generateIdNumber } from '../../../../src/domain/identity/idNumberGenerator'
import { insuredRecordSchema } from '../../../../src/domain/schemas/registry'

const man = generateIdNumber({ regionCode: '530102', birthDate: '1962-03-08', sequence: 10, sex: 'male' })
const wife = generateIdNumber({ regionCode: '530102', birthDate: '1964-05-01', sequence: 20, sex: 'female' })
const record = { idNumber: man, name: '林示例', sex: 'male', insuredRegion: '530100', insuranceType: 'employee', phones: ['13800000001'], validFrom: '2000-01-01' }
const messages = (input: unknown) => {
  const parsed = insuredRecordSchema.safeParse(input)
  return parsed.success ? [] : parsed.error.issues.map(issue => issue.message)
}

describe('insured registry record (参保登记, DOMAIN §13)', () => {
  it('fills what the agency may leave out: normal benefits, no family, an open-ended relationship', () => {
    expect(insuredRecordSchema.parse(record)).toMatchObject({ benefitStatus: 'normal', family: [], validTo: null, statusSince: null, categoryBasis: null })
  })

  it('DOMAIN §3: the 性别 must agree with the 身份证号码', () => {
    expect(messages({ ...record, sex: 'female' })).toEqual(['性别与身份证号码不符'])
  })

  it('Hebei 第十二条、第十九条: suspended or frozen benefits carry since when and why', () => {
    expect(messages({ ...record, benefitStatus: 'frozen' })).toEqual(['暂停或冻结的待遇须写明起始日期和原因'])
    expect(messages({ ...record, benefitStatus: 'suspended', statusSince: '2026-10-01', statusReason: '参保关系转移中' })).toEqual([])
  })

  it('an insurance relationship cannot end before it starts', () => {
    expect(messages({ ...record, validTo: '1999-12-31' })).toEqual(['参保关系终止日期早于开始日期'])
  })

  it('Hebei 第九条: family members on record are other people, with a relationship', () => {
    expect(messages({ ...record, family: [{ idNumber: man, name: '林示例', relationship: 'spouse' }] })).toEqual(['家庭成员不能是本人'])
    expect(messages({ ...record, family: [{ idNumber: wife, name: '王示例', relationship: 'friend' }] })).toEqual(['请选择与参保人的关系'])
    expect(messages({ ...record, family: [{ idNumber: wife, name: '王示例', relationship: 'spouse' }] })).toEqual([])
  })

  it('needs at least one phone on record, since sign-in codes go only there', () => {
    expect(messages({ ...record, phones: [] })).toEqual(['至少登记一个手机号码'])
  })
})
