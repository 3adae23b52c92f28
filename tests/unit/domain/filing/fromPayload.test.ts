import { describe, expect, it } from 'vitest'
import { canCreate } from '../../../../src/domain/filing/canCreate'
import { draftFromCreatePayload, newFilingFromCreatePayload } from '../../../../src/domain/filing/fromPayload'
import { buildFiling } from '../../../../src/domain/filing/validity'
import { JILIN_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { filingCreatePayloadSchema } from '../../../../src/domain/schemas/filing'
import { filingCreate } from '../schemas/fixtures'

describe('from a filing.create payload to the rules', () => {
  it('reads a promise filing as a promise draft without materials', () => {
    const payload = filingCreatePayloadSchema.parse(filingCreate())
    expect(draftFromCreatePayload(payload)).toMatchObject({ byPromise: true, hasMaterials: false, destination: '440300' })
  })

  it('reads materials as an ordinary draft', () => {
    const payload = filingCreatePayloadSchema.parse(filingCreate({ promise: undefined, materials: [{ kind: 'work' }] }))
    expect(draftFromCreatePayload(payload)).toMatchObject({ byPromise: false, hasMaterials: true })
  })

  it('keeps the referring hospital of a referral, its code too (湛江 二(六))', () => {
    const payload = filingCreatePayloadSchema.parse(filingCreate({ category: 'referral', promise: undefined, materials: [{ kind: 'referral_certificate' }], referringHospital: '湛江中心人民医院', referringHospitalCode: 'h44080300001' }))
    expect(newFilingFromCreatePayload(payload, 'BA2')).toMatchObject({ referredBy: '湛江中心人民医院', referredByCode: 'H44080300001', category: 'referral' })
    expect(newFilingFromCreatePayload(filingCreatePayloadSchema.parse(filingCreate()), 'BA3')).not.toHaveProperty('referredBy')
  })

  it('feeds canCreate and buildFiling: a second Jilin promise is refused (Jilin 第六条)', () => {
    const first = filingCreatePayloadSchema.parse(filingCreate())
    const existing = buildFiling(newFilingFromCreatePayload(first, 'BA1'), first.filledOn, JILIN_POLICY)
    expect(existing).toMatchObject({ filingNumber: 'BA1', filingId: first.filingId, promiseEndDate: '2026-08-31' })
    const second = filingCreatePayloadSchema.parse(filingCreate({ destination: '310000' }))
    expect(canCreate([existing], draftFromCreatePayload(second), second.filledOn, JILIN_POLICY)).toMatchObject({ ok: false, code: 'promise_already_active' })
  })
})
