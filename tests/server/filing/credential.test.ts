import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signCredential } from '../../../server/filing/credential.ts'
import { provinceIdTagKey } from '../../../server/filing/idTagKeys.ts'
import { decodeClaims } from '../../../src/domain/credential/cborClaims.ts'
import { decodeCompactCredential } from '../../../src/domain/credential/coseSign1.ts'
import { idTagInput } from '../../../src/domain/credential/idTag.ts'
import { JILIN_POLICY } from '../../../src/domain/policy/regionalPolicies.ts'
import { file } from '../../unit/domain/filing/fixtures.ts'

const key = { kid: '0b9f4c1e-6a2d-4f7e-9c3b-1d2e3f405060', privateKey: generateKeyPairSync('ed25519').privateKey, idTagSecret: randomBytes(32) }
const holder = { name: '欧阳娜娜', idNumber: '220102199003071234' }

const claimsOf = (credential: string) => decodeClaims(decodeCompactCredential(credential).payload, key.kid)

describe('filing credentials', () => {
  it('tags the 身份证号码 with the 就医地 province\'s counter key, and with nothing a phone holds', () => {
    const filing = file(JILIN_POLICY)
    const claims = claimsOf(signCredential(filing, holder, key, new Date('2026-03-01T08:00:00Z')))
    const province = `${filing.destination.slice(0, 2)}0000`
    const expected = createHmac('sha256', provinceIdTagKey(key.idTagSecret, province)).update(idTagInput(filing.filingNumber, claims.issuedAt as string, holder.idNumber)).digest().subarray(0, 8)
    expect(claims.idTag).toBe(expected.toString('base64url'))
    // Another province's key, or the bare secret, gives another tag: a guess needs exactly that key.
    const otherProvince = createHmac('sha256', provinceIdTagKey(key.idTagSecret, '110000')).update(idTagInput(filing.filingNumber, claims.issuedAt as string, holder.idNumber)).digest().subarray(0, 8)
    expect(claims.idTag).not.toBe(otherProvince.toString('base64url'))
    expect(JSON.stringify(claims)).not.toContain(holder.idNumber.slice(6, 14))
  })

  it('gives one person\'s credentials unrelated tags, since each covers its issue time', () => {
    const tags = Array.from({ length: 50 }, (_, second) => claimsOf(signCredential(file(JILIN_POLICY), holder, key, new Date(Date.UTC(2026, 2, 1, 8, 0, second)))).idTag)
    expect(new Set(tags).size).toBe(tags.length)
  })
})
