import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { signCredential } from '../../../../server/filing/credential'
import { decodeClaims } from '../../../../src/domain/credential/cborClaims'
import { filingCredentialClaimsSchema } from '../../../../src/domain/credential/claims'
import { claimsForFiling } from '../../../../src/domain/credential/claimsForFiling'
import { COMPACT_CREDENTIAL_PREFIX, decodeCompactCredential } from '../../../../src/domain/credential/coseSign1'
import { HEBEI_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { file } from '../filing/fixtures'

const KEY = { kid: '0b9f4c1e-6a2d-4f7e-9c3b-1d2e3f405060', privateKey: generateKeyPairSync('ed25519').privateKey, idTagSecret: randomBytes(32) }
const HOLDER = { name: '欧阳娜娜', idNumber: '440881199003071234' }
const NOW = new Date('2026-11-02T03:04:05.678Z')

// The densest real filing: a full-length 备案编号, a temporary referral with an end date, a
// waiting promise, one visit, and a referring hospital (its code; the name is not carried).
const DENSEST = {
  ...file(ZHANJIANG_POLICY, { category: 'referral', byPromise: true, referredBy: '南部战区海军第一医院', referredByCode: 'H44080300003', startDate: '2026-11-02' }),
  filingNumber: 'YD440800-20261102-0001',
  oneVisit: true,
}
const LONG_TERM = { ...file(HEBEI_POLICY), filingNumber: 'YD130000-20261102-0002' }

describe('the compact filing credential', () => {
  it('round-trips every claim through CBOR, COSE_Sign1 and Base45', () => {
    for (const filing of [DENSEST, LONG_TERM]) {
      const text = signCredential(filing, HOLDER, KEY, NOW)
      const claims = filingCredentialClaimsSchema.parse(decodeClaims(decodeCompactCredential(text).payload, KEY.kid))
      expect(claims).toEqual(claimsForFiling(filing, { name: HOLDER.name, idTag: claims.idTag, keyId: KEY.kid, issuedAt: NOW.toISOString(), today: '2026-11-02' }))
    }
  })

  it('issue 17: a scanner reads it at a glance — QR version 10 or less at error correction M, in alphanumeric mode', () => {
    const text = signCredential(DENSEST, HOLDER, KEY, NOW)
    expect(text.startsWith(COMPACT_CREDENTIAL_PREFIX)).toBe(true)
    const qr = create(text, { errorCorrectionLevel: 'M' })
    const bytes = text.length - COMPACT_CREDENTIAL_PREFIX.length
    console.info(`compact credential: ${text.length} characters, QR version ${qr.version} (${qr.modules.size}×${qr.modules.size} modules)`)
    expect(qr.segments.map(segment => segment.mode.id)).toEqual(['Alphanumeric'])
    expect(qr.version).toBeLessThanOrEqual(10)
    // A long-term filing, the common case, needs less still.
    expect(create(signCredential(LONG_TERM, HOLDER, KEY, NOW), { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(9)
    // Deflate does not pay on a signature, a tag and short texts: measured, not assumed.
    const cose = decodeCompactCredential(text)
    console.info(`COSE bytes ≈ ${Math.round(bytes / 1.5)}, payload ${cose.payload.length}, deflated payload ${deflateRawSync(cose.payload).length}`)
    expect(deflateRawSync(cose.payload).length).toBeGreaterThan(cose.payload.length * 0.85)
  })
})
