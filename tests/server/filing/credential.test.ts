import { createHash, generateKeyPairSync } from 'node:crypto'
import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { signCredential } from '../../../server/filing/credential.ts'
import { idHashInput } from '../../../src/domain/credential/claims.ts'
import { JILIN_POLICY } from '../../../src/domain/policy/regionalPolicies.ts'
import { file } from '../../unit/domain/filing/fixtures.ts'

describe('filing credentials', () => {
  it('salts every 身份证号码 hash afresh, so one person\'s credentials cannot be linked by their hash', () => {
    const key = { kid: 'k-test', privateKey: generateKeyPairSync('ed25519').privateKey }
    const holder = { name: '欧阳娜娜', idNumber: '220102199003071234' }
    // More credentials than one draw of random bytes serves.
    const claims = Array.from({ length: 600 }, () => decodeJwt(signCredential(file(JILIN_POLICY), holder, key, new Date('2026-03-01T08:00:00Z'))))
    const salts = claims.map(claim => claim.idSalt as string)
    expect(new Set(salts).size).toBe(salts.length)
    expect(salts.every(salt => Buffer.from(salt, 'base64url').length === 16)).toBe(true)
    expect(new Set(claims.map(claim => claim.idHash)).size).toBe(claims.length)
    for (const claim of claims.slice(250, 260))
      expect(claim.idHash).toBe(createHash('sha256').update(idHashInput(claim.idSalt as string, holder.idNumber)).digest('hex'))
  })
})
