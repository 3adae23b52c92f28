import { describe, expect, it } from 'vitest'
import { admissionRecordPayloadSchema, counterVerifyLoggedPayloadSchema } from '../../../../src/domain/schemas/counter'
import { PERSON_ID, UUID } from './fixtures'

const admission = (overrides: Record<string, unknown> = {}) => ({
  admissionId: UUID(3),
  idNumber: PERSON_ID,
  name: '张三',
  admissionDate: '2026-05-01',
  admissionType: 'normal',
  traumaFlag: false,
  thirdPartyFlag: false,
  outcome: 'valid',
  filingNumber: 'BA2026000123',
  ...overrides,
})

function messages(input: unknown): string[] {
  const result = admissionRecordPayloadSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`)
}

describe('admission.record payload (Jilin 第二十七条: 外伤标志, 涉及第三方标志)', () => {
  it('accepts an ordinary admission', () => {
    expect(messages(admission())).toEqual([])
  })

  it('needs a trauma commitment for an injury without a third party', () => {
    expect(messages(admission({ traumaFlag: true }))).toContain('traumaCommitmentId: 外伤且无第三方责任的，请先签署《外伤无第三方责任承诺书》')
    expect(messages(admission({ traumaFlag: true, traumaCommitmentId: UUID(2) }))).toEqual([])
  })

  it('lets an injury with a third party through without a commitment', () => {
    expect(messages(admission({ traumaFlag: true, thirdPartyFlag: true }))).toEqual([])
  })

  it('refuses a third-party flag without an injury, and a valid outcome without a filing number', () => {
    expect(messages(admission({ thirdPartyFlag: true }))).toContain('thirdPartyFlag: 非外伤就医不应标记涉及第三方')
    expect(messages(admission({ filingNumber: undefined }))).toContain('filingNumber: 有效备案请填写备案编号')
    expect(messages(admission({ outcome: 'deemed', admissionType: 'emergency', filingNumber: undefined }))).toEqual([])
  })

  it('refuses an unknown admission type', () => {
    expect(messages(admission({ admissionType: 'urgent' }))).toContain('admissionType: 请选择住院类型')
  })
})

describe('counter.verify.logged payload', () => {
  const logged = {
    verificationId: UUID(4),
    idNumber: PERSON_ID,
    name: '张三',
    admissionDate: '2026-05-01',
    admissionType: 'normal',
    hospitalCity: '440300',
    method: 'credential_offline',
    outcome: 'valid',
    filingNumber: 'BA2026000123',
    keyId: 'k2026-01',
    verifiedAt: '2026-05-01T02:03:04.000Z',
  }

  it('accepts an offline verification record', () => {
    expect(counterVerifyLoggedPayloadSchema.safeParse(logged).success).toBe(true)
  })

  it('records a suspected 冒用 that stopped the admission (DOMAIN §8)', () => {
    const parsed = counterVerifyLoggedPayloadSchema.parse({ ...logged, outcome: 'none', filingNumber: undefined, impersonationSuspected: true })
    expect(parsed.impersonationSuspected).toBe(true)
    expect(counterVerifyLoggedPayloadSchema.safeParse({ ...logged, impersonationSuspected: 'yes' }).success).toBe(false)
  })

  it('refuses a time without a zone', () => {
    const result = counterVerifyLoggedPayloadSchema.safeParse({ ...logged, verifiedAt: '2026-05-01 10:03' })
    expect(result.error?.issues[0]).toMatchObject({ path: ['verifiedAt'], message: '时间格式不正确' })
  })
})
