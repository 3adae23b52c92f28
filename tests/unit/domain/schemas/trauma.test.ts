import { describe, expect, it } from 'vitest'
import { traumaSignPayloadSchema } from '../../../../src/domain/schemas/trauma'
import { RELATIVE_ID, traumaSign } from './fixtures'

function messages(input: Record<string, unknown>): string[] {
  const result = traumaSignPayloadSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`)
}

const RELATIVE = { name: '张丽', idNumber: RELATIVE_ID, phone: '13912345678', relationship: 'child' }

describe('trauma.sign payload (外伤无第三方责任承诺书, 001 annex 11)', () => {
  it('accepts a commitment signed by the patient', () => {
    expect(messages(traumaSign())).toEqual([])
  })

  it('accepts a close relative signing with their ID number and phone when the patient cannot', () => {
    expect(messages(traumaSign({ signer: 'relative', relative: RELATIVE }))).toEqual([])
  })

  it.each([
    ['a relative signing without their details', { signer: 'relative' }, 'relative: 近亲属代签时请填写其姓名、身份证号码和联系电话'],
    ['relative details when the patient signs', { relative: RELATIVE }, 'relative: 本人签名时无需填写代签人'],
    ['commitments not accepted', { commitmentsAccepted: false }, 'commitmentsAccepted: 请确认承诺内容'],
    ['an hour of 24', { injuredHour: 24 }, 'injuredHour: 受伤时间应为0-23时'],
    ['an injury after signing', { injuredOn: '2026-05-02' }, 'injuredOn: 受伤日期不能晚于签署日期'],
    ['a one-word account', { account: '摔伤' }, 'account: 请具体写明受伤经过'],
    ['no place', { place: '' }, 'place: 请填写受伤地点'],
    ['no signature', { signature: 'not-an-image' }, 'signature: 请手写签名'],
  ])('refuses %s', (_name, overrides, expected) => {
    expect(messages(traumaSign(overrides))).toContain(expected)
  })

  it('refuses an injury before the patient was born (001 annex 11: 受伤时间)', () => {
    expect(messages(traumaSign({ injuredOn: '1950-01-01' }))).toContain('injuredOn: 受伤日期不能早于出生日期')
  })

  it('checks a resident ID number but not another document number', () => {
    const badId = { name: '张三', phone: '13812345678', idType: 'resident_id', idNumber: '220102196005040310' }
    expect(messages(traumaSign({ patient: badId })).some(m => m.startsWith('patient.idNumber: 身份证号码'))).toBe(true)
    expect(messages(traumaSign({ patient: { ...badId, idType: 'other', idNumber: 'E12345678' } }))).toEqual([])
  })
})
