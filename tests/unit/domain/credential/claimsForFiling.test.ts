import { describe, expect, it } from 'vitest'
import { filingCredentialClaimsSchema } from '../../../../src/domain/credential/claims'
import { claimsForFiling, filingFromClaims } from '../../../../src/domain/credential/claimsForFiling'
import { coversAdmission } from '../../../../src/domain/filing/coversAdmission'
import { applySupplement } from '../../../../src/domain/filing/transitions'
import { HEBEI_POLICY, JILIN_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { file } from '../filing/fixtures'

const CONTEXT = {
  name: '欧阳娜娜',
  idTag: 'Zx8-Qw7_Er6',
  keyId: 'k2026-01',
  issuedAt: '2026-03-01T08:00:00+08:00',
  today: '2026-03-01',
}

describe('credential claims for a filing', () => {
  it('carries the masked name, the waiting promise and its deadline, never the ID number (Jilin 第六条)', () => {
    const promise = file(JILIN_POLICY, { byPromise: true, startDate: '2026-03-01' })
    const claims = claimsForFiling(promise, CONTEXT)
    expect(filingCredentialClaimsSchema.parse(claims)).toEqual(claims)
    expect(claims).toMatchObject({ maskedName: '欧***', promise: true, validTo: '2026-08-31', oneVisit: false })
    expect(JSON.stringify(claims)).not.toContain('欧阳')
  })

  it('drops the promise flag and the deadline once materials are supplied', () => {
    const supplied = applySupplement(file(JILIN_POLICY, { byPromise: true, startDate: '2026-03-01' }), '2026-03-01')
    expect(claimsForFiling(supplied, CONTEXT)).toMatchObject({ promise: false, validTo: null })
  })

  it.each([
    ['a Hebei one-visit referral', HEBEI_POLICY, undefined],
    ['a 湛江 full-rate referral (湛江 二(六))', ZHANJIANG_POLICY, 'H44088200001'],
    ['a 湛江 referral from an unlisted hospital', ZHANJIANG_POLICY, 'H44088200009'],
  ])('lets an offline counter reach the same answer as the server: %s', (_name, policy, referredByCode) => {
    const referral = file(policy, { category: 'referral', destination: '440300', startDate: '2026-03-01', ...(referredByCode && { referredBy: '某医院', referredByCode }) })
    const offline = filingFromClaims(claimsForFiling(referral, CONTEXT))
    for (const admissionDate of ['2026-02-28', '2026-03-01', '2026-05-01']) {
      const query = { hospitalCity: '440304', admissionDate, admissionType: 'normal' as const, policy }
      const server = coversAdmission({ ...query, filings: [referral] })
      const counter = coversAdmission({ ...query, filings: [offline] })
      expect({ ...counter, filing: undefined }).toEqual({ ...server, filing: undefined })
    }
  })

  it('湛江 二(六): a QR issued before codes, naming a listed hospital, keeps its local rate offline until it expires', () => {
    const before = { ...claimsForFiling(file(ZHANJIANG_POLICY, { category: 'referral', destination: '440300', startDate: '2026-03-01' }), CONTEXT), referredBy: '雷州市人民医院' }
    const query = { hospitalCity: '440304', admissionDate: '2026-03-02', admissionType: 'normal' as const, policy: ZHANJIANG_POLICY }
    expect(coversAdmission({ ...query, filings: [filingFromClaims(before)] }).ratioCutPoints).toBe(0)
    expect(coversAdmission({ ...query, filings: [filingFromClaims({ ...before, referredBy: '雷州人民医院' })] }).ratioCutPoints).toBe(10)
  })

  it('carries the referrer\'s code, not its name: the name is the printed form\'s, and the QR stays small', () => {
    const claims = claimsForFiling(file(ZHANJIANG_POLICY, { category: 'referral', startDate: '2026-03-01', referredBy: '南部战区海军第一医院', referredByCode: 'H44080300003' }), CONTEXT)
    expect(claims.referredByCode).toBe('H44080300003')
    expect(claims.referredBy).toBeUndefined()
  })
})
