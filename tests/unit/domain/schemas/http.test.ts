import { describe, expect, it } from 'vitest'
import { counterVerifyRequestSchema, counterVerifyResponseSchema, insuredAuthStartSchema, insuredAuthVerifySchema } from '../../../../src/domain/schemas/http'
import { PERSON_ID } from './fixtures'

describe('HTTP bodies with domain fields (DESIGN §4)', () => {
  it('checks the insured sign-in start like the filing form', () => {
    expect(insuredAuthStartSchema.safeParse({ idNumber: PERSON_ID, name: '张三', phone: '13812345678' }).success).toBe(true)
    expect(insuredAuthStartSchema.safeParse({ idNumber: PERSON_ID.slice(0, 15), name: '张三', phone: '13812345678' }).error?.issues[0]?.message)
      .toBe('这是旧的15位身份证号码，请填写18位身份证号码')
  })

  it('needs a 6-digit one-time code', () => {
    expect(insuredAuthVerifySchema.safeParse({ challengeId: 'c1', code: '012345' }).success).toBe(true)
    expect(insuredAuthVerifySchema.safeParse({ challengeId: 'c1', code: '12345' }).error?.issues[0]?.message).toBe('验证码为6位数字')
  })

  it('checks a counter verification request and its reply', () => {
    expect(counterVerifyRequestSchema.safeParse({ idNumber: PERSON_ID, name: '张三', admissionDate: '2026-05-01', admissionType: 'emergency' }).success).toBe(true)
    expect(counterVerifyRequestSchema.safeParse({ idNumber: PERSON_ID, name: '张三', admissionDate: '2026-05-01', admissionType: 'walk-in' }).success).toBe(false)
    const reply = { outcome: 'deemed', ratioCutPoints: 10, notes: [{ code: 'emergency_deemed', message: '急诊' }] }
    expect(counterVerifyResponseSchema.safeParse(reply).success).toBe(true)
    expect(counterVerifyResponseSchema.safeParse({ ...reply, ratioCutPoints: -5 }).success).toBe(false)
  })
})
