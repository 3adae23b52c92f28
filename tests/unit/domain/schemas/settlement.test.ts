import { describe, expect, it } from 'vitest'
import { refundProcessPayloadSchema, refundRequestPayloadSchema, settlementRecordPayloadSchema } from '../../../../src/domain/schemas/settlement'
import { PERSON_ID, UUID } from './fixtures'

// 总费用 1000.00 = 范围内 800.00 + 乙类先行自付 50.00 + 超限价 20.00 + 自费 130.00 = 基金 560.00 + 现金 440.00
const settlement = (overrides: Record<string, unknown> = {}) => ({
  settlementId: UUID(5),
  idNumber: PERSON_ID,
  kind: 'outpatient',
  hospitalLevel: 'tertiary',
  settledOn: '2026-05-01',
  totalFen: 100_000,
  coveredFen: 80_000,
  classBSelfPayFen: 5_000,
  overLimitSelfPayFen: 2_000,
  selfFundedFen: 13_000,
  fundPaidFen: 56_000,
  cashPaidFen: 44_000,
  ...overrides,
})

function messages(input: unknown): string[] {
  const result = settlementRecordPayloadSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`)
}

describe('settlement.record payload (结算单 identities, 001 annex 13)', () => {
  it('accepts a settlement whose amounts add up', () => {
    expect(messages(settlement())).toEqual([])
  })

  it('refuses amounts whose parts do not add up to 总费用', () => {
    expect(messages(settlement({ selfFundedFen: 13_001 }))).toContain('totalFen: 总费用应等于范围内费用、乙类先行自付、超限价自付与自费之和')
  })

  it('refuses 基金 + 现金 that differs from 总费用', () => {
    expect(messages(settlement({ cashPaidFen: 43_999 }))).toContain('cashPaidFen: 总费用应等于基金支付与个人现金支付之和')
  })

  it('Yunnan 第三十七条 隔笔退费 by item: each bill item needs its own number, so a refund names exactly what it returns', () => {
    const line = (id: string) => ({ id, coveredFen: 1_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 })
    expect(messages(settlement({ items: [line('x1'), line('x2')] }))).toEqual([])
    expect(messages(settlement({ items: [line('x1'), line('x2'), line('x1')] }))).toEqual(['items.2.id: 项目编号重复：每项费用应有自己的编号'])
  })

  it.each([
    [{ totalFen: 1000.5 }, 'totalFen: 总费用应以分为单位的整数'],
    [{ fundPaidFen: -1 }, 'fundPaidFen: 基金支付合计不能为负数'],
    [{ cashPaidFen: '440.00' }, 'cashPaidFen: 个人现金支付应为数字'],
    [{ kind: 'inpatient' }, 'admissionId: 住院结算请关联入院登记'],
  ])('refuses %j', (overrides, expected) => {
    expect(messages(settlement(overrides))).toContain(expected)
  })
})

describe('refund payloads (Yunnan 第三十七条, Chongqing 第三十九条, Jilin 第三十二条)', () => {
  it('accepts a refund request for any earlier settlement', () => {
    expect(refundRequestPayloadSchema.safeParse({ refundId: UUID(6), settlementId: UUID(5), reason: '药品未取', requestedOn: '2027-01-05' }).success).toBe(true)
  })

  it('needs a reason to reject a refund', () => {
    const rejected = refundProcessPayloadSchema.safeParse({ refundId: UUID(6), decision: 'rejected', processedOn: '2027-01-06' })
    expect(rejected.error?.issues[0]).toMatchObject({ path: ['note'], message: '拒绝退费时请写明原因' })
    const blankNote = refundProcessPayloadSchema.safeParse({ refundId: UUID(6), decision: 'rejected', processedOn: '2027-01-06', note: ' ' })
    expect(blankNote.error?.issues[0]).toMatchObject({ path: ['note'], message: '拒绝退费时请写明原因' })
    expect(refundProcessPayloadSchema.safeParse({ refundId: UUID(6), decision: 'approved', processedOn: '2027-01-06' }).success).toBe(true)
  })
})
