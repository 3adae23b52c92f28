import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose'
import { decodeClaims } from '../../../domain/credential/cborClaims'
import { type AnyCredentialClaims, filingCredentialClaimsSchema, idHashInput, legacyCredentialClaimsSchema } from '../../../domain/credential/claims'
import { COMPACT_CREDENTIAL_PREFIX, type CoseSign1, decodeCompactCredential, kidMatches, toBeSigned } from '../../../domain/credential/coseSign1'
import { ID_TAG_BYTES, idTagInput, idTagProvince } from '../../../domain/credential/idTag'
import type { BenefitHold } from '../../../domain/credential/benefitHolds'
import { filingFromClaims } from '../../../domain/credential/claimsForFiling'
import { type AdmissionOutcome, type AdmissionType, coversAdmission } from '../../../domain/filing/coversAdmission'
import { validateIdNumber } from '../../../domain/identity/idNumber'
import { policyFor } from '../../../domain/policy/policyFor'

/** `typ` the server put in the header of a first-layout (JWS) credential. */
export const CREDENTIAL_TYPE = 'yidi-filing+jws'

/** A revocation list older than this gets a warning on every result (the 24 h). */
export const STALE_REVOCATIONS_MS = 24 * 3600 * 1000

export interface VerifierData {
  keys: (JWK & { kid: string })[]
  /** Latest `revokedAt` per 备案编号. */
  revokedAt: Record<string, string>
  /** 备案编号 whose insurance relationship has its benefits frozen or paused (benefitHolds.ts). */
  holds: Record<string, BenefitHold>
  /** When the revocation list was last brought up to date; undefined: never. */
  revocationsFetchedAt?: string
  /** base64url HMAC key per 就医地 province (`440000`), from `GET /api/counter/credential-keys`. */
  idTagKeys: Record<string, string>
}

export interface AdmissionFacts {
  hospitalCity: string
  admissionDate: string
  admissionType: AdmissionType
  /** 身份证号码 read off the patient's card at the counter. */
  idNumber: string
  now: Date
}

export type RefusalCode = 'malformed' | 'unknown_key' | 'bad_signature' | 'bad_claims' | 'invalid_id_number'

export type Verification =
  | { kind: 'refused', code: RefusalCode, message: string }
  | {
    kind: 'checked'
    claims: AnyCredentialClaims
    outcome: AdmissionOutcome
    /** The filing was cancelled, changed or used after this credential was issued. */
    revoked: boolean
    /** The 身份证号码 on the card is not the credential holder's: suspected 冒用 (DOMAIN §8). */
    impersonation: boolean
    /** False when this device holds no ID-tag key for the filing's 就医地 province: the number was not compared. */
    identityChecked: boolean
    ratioCutPoints: number
    notes: { code: string, message: string }[]
    warnings: string[]
  }

const refuse = (code: RefusalCode, message: string): Verification => ({ kind: 'refused', code, message })

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map(byte => byte.toString(16).padStart(2, '0')).join('')
}

const MALFORMED = refuse('malformed', '无法识别的二维码，请让患者在手机上重新打开备案二维码')
const UNKNOWN_KEY = refuse('unknown_key', '签发密钥未知：请联网更新密钥后再核验，或改用联网查询')
const BAD_SIGNATURE = refuse('bad_signature', '二维码签名无效，可能被篡改：请勿据此办理，改用联网查询核实')
const BAD_CLAIMS = refuse('bad_claims', '二维码内容不完整，请改用联网查询')

/** A `YD1:` credential: Base45, COSE_Sign1 with Ed25519, CBOR claims (src/domain/credential). */
async function readCompact(token: string, data: VerifierData): Promise<{ claims: AnyCredentialClaims } | Verification> {
  let cose: CoseSign1
  try {
    cose = decodeCompactCredential(token)
  }
  catch {
    return MALFORMED
  }
  const jwk = data.keys.find(key => kidMatches(key.kid, cose.kid))
  if (!jwk)
    return UNKNOWN_KEY
  const key = await importJWK(jwk, 'EdDSA') as CryptoKey
  if (!await crypto.subtle.verify('Ed25519', key, cose.signature as BufferSource, toBeSigned(cose.header, cose.payload) as BufferSource))
    return BAD_SIGNATURE
  let decoded: Record<string, unknown>
  try {
    decoded = decodeClaims(cose.payload, jwk.kid)
  }
  catch {
    return BAD_CLAIMS
  }
  const parsed = filingCredentialClaimsSchema.safeParse(decoded)
  return parsed.success ? { claims: parsed.data } : BAD_CLAIMS
}

/** A first-layout credential: a compact JWS of JSON claims, accepted until it expires. */
async function readLegacy(token: string, data: VerifierData): Promise<{ claims: AnyCredentialClaims } | Verification> {
  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(token)
  }
  catch {
    return MALFORMED
  }
  if (header.typ !== CREDENTIAL_TYPE || header.alg !== 'EdDSA')
    return refuse('malformed', '这不是异地就医备案二维码')
  const jwk = data.keys.find(key => key.kid === header.kid)
  if (!jwk)
    return UNKNOWN_KEY
  let payload: Uint8Array
  try {
    payload = (await compactVerify(token, await importJWK(jwk, 'EdDSA'))).payload
  }
  catch {
    return BAD_SIGNATURE
  }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(payload))
  }
  catch {
    return BAD_CLAIMS
  }
  const parsed = legacyCredentialClaimsSchema.safeParse(json)
  return parsed.success ? { claims: parsed.data } : BAD_CLAIMS
}

async function hmacTag(keyBase64url: string, text: string): Promise<string> {
  const raw = Uint8Array.from(atob(keyBase64url.replaceAll('-', '+').replaceAll('_', '/')), char => char.charCodeAt(0))
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const tag = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text))).subarray(0, ID_TAG_BYTES)
  return btoa(String.fromCharCode(...tag)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/** Whether the number read off the card is the holder's; 'unchecked' without the province's key. */
async function holderMatches(claims: AnyCredentialClaims, idNumber: string, data: VerifierData): Promise<'same' | 'different' | 'unchecked'> {
  if (claims.v === 1)
    return await sha256Hex(idHashInput(claims.idSalt, idNumber)) === claims.idHash ? 'same' : 'different'
  const key = data.idTagKeys[idTagProvince(claims.destination)]
  if (!key)
    return 'unchecked'
  return await hmacTag(key, idTagInput(claims.filingNumber, claims.issuedAt, idNumber)) === claims.idTag ? 'same' : 'different'
}

/** A QR whose signature and layout are good: what it says, before the holder's number is compared. */
export interface ReadCredential { kind: 'read', claims: AnyCredentialClaims }

/**
 * Reads a filing QR with no network: the Ed25519 signature against the cached public keys and
 * the claims' layout. The card can then show what the credential says while the staff read the
 * patient's 身份证 for `checkCredential`.
 */
export async function readCredential(token: string, data: VerifierData): Promise<ReadCredential | Extract<Verification, { kind: 'refused' }>> {
  // Trimming is safe for Base45: its last character is the high digit of a group, never a space.
  const trimmed = token.trim()
  const read = trimmed.startsWith(COMPACT_CREDENTIAL_PREFIX) ? await readCompact(trimmed, data) : await readLegacy(trimmed, data)
  if ('kind' in read)
    return read as Extract<Verification, { kind: 'refused' }>
  return { kind: 'read', claims: read.claims }
}

/**
 * Finishes the check of a credential read with `readCredential`: the cached revocation list, the
 * 身份证号码 read off the card against the credential's tag (with the cached key of the 就医地
 * province) or a first-layout salted hash, then the rulebook's answer for this hospital and
 * admission — the same `coversAdmission` the server runs online.
 */
export async function checkCredential(claims: AnyCredentialClaims, data: VerifierData, facts: AdmissionFacts): Promise<Verification> {
  const id = validateIdNumber(facts.idNumber, { today: facts.admissionDate })
  if (!id.ok)
    return refuse('invalid_id_number', id.message)

  const warnings: string[] = []
  const fetchedAt = data.revocationsFetchedAt ? Date.parse(data.revocationsFetchedAt) : Number.NaN
  if (!(facts.now.getTime() - fetchedAt < STALE_REVOCATIONS_MS))
    warnings.push(Number.isNaN(fetchedAt) ? '本机尚未下载撤销名单，结果可能不是最新' : '撤销名单已超过24小时未更新，结果可能不是最新，请尽快联网')
  const revokedAt = data.revokedAt[claims.filingNumber]
  const revoked = revokedAt !== undefined && revokedAt > claims.issuedAt
  const identity = await holderMatches(claims, id.value.idNumber, data)
  const impersonation = identity === 'different'
  const identityChecked = identity !== 'unchecked'
  if (!identityChecked)
    warnings.push('本机没有该就医地省份的核验密钥，未能离线核对身份证号码：请联网更新密钥，或改用联网查询')
  if (impersonation) {
    return {
      kind: 'checked', claims, outcome: 'none', revoked, impersonation, identityChecked, ratioCutPoints: 0, warnings,
      notes: [{ code: 'impersonation_suspected', message: '身份证号码与备案人不符，疑似冒用：请停止办理并按规定上报' }],
    }
  }
  const hold = data.holds[claims.filingNumber]
  const coverage = coversAdmission({
    filings: revoked ? [] : [filingFromClaims(claims)],
    hospitalCity: facts.hospitalCity,
    admissionDate: facts.admissionDate,
    admissionType: facts.admissionType,
    policy: policyFor(claims.insuredRegion),
    benefitsFrozen: hold === 'frozen',
    benefitsSuspended: hold === 'suspended',
  })
  const notes: { code: string, message: string }[] = coverage.notes.map(item => ({ code: item.code, message: item.message }))
  if (revoked)
    notes.unshift({ code: 'revoked', message: '该备案凭证已撤销（备案已取消、变更或已使用），请改用联网查询最新备案' })
  return { kind: 'checked', claims, outcome: coverage.outcome, revoked, impersonation, identityChecked, ratioCutPoints: coverage.ratioCutPoints, notes, warnings }
}

/** Both steps at once, when the 身份证号码 is already read: the check a scanner's Enter runs. */
export async function verifyCredential(token: string, data: VerifierData, facts: AdmissionFacts): Promise<Verification> {
  const id = validateIdNumber(facts.idNumber, { today: facts.admissionDate })
  if (!id.ok)
    return refuse('invalid_id_number', id.message)
  const read = await readCredential(token, data)
  return read.kind === 'read' ? checkCredential(read.claims, data, facts) : read
}
