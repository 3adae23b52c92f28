import { createHash, randomBytes } from 'node:crypto'
import { CompactSign } from 'jose'
import { idHashInput } from '../../src/domain/credential/claims.ts'
import { claimsForFiling } from '../../src/domain/credential/claimsForFiling.ts'
import { chinaDateOf } from '../../src/domain/dates/calendarDate.ts'
import type { Filing } from '../../src/domain/filing/filing.ts'
import type { SigningKey } from './signingKeys.ts'

/** `typ` of a filing credential's protected header, so no other JWS passes as one. */
export const CREDENTIAL_TYPE = 'yidi-filing+jws'

/**
 * The filing's QR credential: its claims (with a salted hash of the 身份证号码, never the number)
 * signed with Ed25519 as a compact JWS that a counter checks offline.
 */
export async function signCredential(filing: Filing, holder: { name: string, idNumber: string }, key: SigningKey, now: Date): Promise<string> {
  const idSalt = randomBytes(16).toString('base64url')
  const idHash = createHash('sha256').update(idHashInput(idSalt, holder.idNumber)).digest('hex')
  const claims = claimsForFiling(filing, { name: holder.name, idHash, idSalt, keyId: key.kid, issuedAt: now.toISOString(), today: chinaDateOf(now) })
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: CREDENTIAL_TYPE })
    .sign(key.privateKey)
}
