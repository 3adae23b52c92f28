import { describe, expect, it } from 'vitest'
import { SAMPLE_HOSPITALS } from '../../../server/hospitals/sampleHospitals.ts'
import { ZHANJIANG_POLICY } from '../../../src/domain/policy/regionalPolicies.ts'

describe('the sample directory', () => {
  it('Zhanjiang 二(六): every named referral hospital is a 湛江 entry that may refer', () => {
    const referrers = SAMPLE_HOSPITALS.filter(hospital => hospital.city === ZHANJIANG_POLICY.region && hospital.canRefer).map(({ code, name }) => ({ code, name }))
    expect(referrers.toSorted((a, b) => a.code.localeCompare(b.code))).toEqual(ZHANJIANG_POLICY.fullRateReferralHospitals.toSorted((a, b) => a.code.localeCompare(b.code)))
  })

  it('is marked sample throughout, one entry per code', () => {
    expect(SAMPLE_HOSPITALS.every(hospital => hospital.sample)).toBe(true)
    expect(new Set(SAMPLE_HOSPITALS.map(hospital => hospital.code)).size).toBe(SAMPLE_HOSPITALS.length)
  })
})
