import { createHmac, sign } from 'node:crypto'
import { encodeClaims } from '../../src/domain/credential/cborClaims.ts'
import { claimsForFiling } from '../../src/domain/credential/claimsForFiling.ts'
import { encodeCompactCredential, protectedHeader, toBeSigned } from '../../src/domain/credential/coseSign1.ts'
import { ID_TAG_BYTES, idTagInput, idTagProvince } from '../../src/domain/credential/idTag.ts'
import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import type { Filing } from '../../src/domain/filing/filing.ts'
import { provinceIdTagKey } from './idTagKeys.ts'
import type { SigningKey } from './signingKeys.ts'

/** `typ` of the first credentials' JWS header; counters still accept those until they expire. */
export const CREDENTIAL_TYPE = 'yidi-filing+jws'

/**
 * The filing's QR credential: its claims (with an HMAC tag of the 身份证号码 that only the
 * 就医地 province's counters can check, never the number) as CBOR, signed with Ed25519 as a
 * COSE_Sign1 and written in Base45 behind `YD1:`, so it fits a QR of version 10 or less.
 * Not compressed: deflate saved nothing on these ~190 bytes, most of them a signature and a tag
 * (tests/unit/domain/credential/compactCredential.test.ts prints both sizes).
 */
export function signCredential(filing: Filing, holder: { name: string, idNumber: string }, key: SigningKey, now: Date): string {
  const issuedAt = now.toISOString()
  const idTag = createHmac('sha256', provinceIdTagKey(key.idTagSecret, idTagProvince(filing.destination)))
    .update(idTagInput(filing.filingNumber, issuedAt, holder.idNumber))
    .digest()
    .subarray(0, ID_TAG_BYTES)
    .toString('base64url')
  const claims = claimsForFiling(filing, { name: holder.name, idTag, keyId: key.kid, issuedAt, today: chinaDateOf(now) })
  const header = protectedHeader(key.kid)
  const payload = encodeClaims(claims)
  return encodeCompactCredential(header, payload, sign(null, toBeSigned(header, payload), key.privateKey))
}
