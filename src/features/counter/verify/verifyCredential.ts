import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose'
import { filingCredentialClaimsSchema, type FilingCredentialClaims, idHashInput } from '../../../domain/credential/claims'
import type { BenefitHold } from '../../../domain/credential/benefitHolds'
import { filingFromClaims } from '../../../domain/credential/claimsForFiling'
import { type AdmissionOutcome, type AdmissionType, coversAdmission } from '../../../domain/filing/coversAdmission'
import { validateIdNumber } from '../../../domain/identity/idNumber'
import { policyFor } from '../../../domain/policy/policyFor'

/** `typ` the server puts in a filing credential's header. */
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
    claims: FilingCredentialClaims
    outcome: AdmissionOutcome
    /** The filing was cancelled, changed or used after this credential was issued. */
    revoked: boolean
    /** The 身份证号码 on the card is not the credential holder's: suspected 冒用 (DOMAIN §8). */
    impersonation: boolean
    ratioCutPoints: number
    notes: { code: string, message: string }[]
    warnings: string[]
  }

const refuse = (code: RefusalCode, message: string): Verification => ({ kind: 'refused', code, message })

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map(byte => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Checks a filing QR with no network: the Ed25519 signature against the cached public keys, the
 * cached revocation list, the 身份证号码 against the salted hash, then the rulebook's answer for
 * this hospital and admission — the same `coversAdmission` the server runs online.
 */
export async function verifyCredential(token: string, data: VerifierData, facts: AdmissionFacts): Promise<Verification> {
  const id = validateIdNumber(facts.idNumber, { today: facts.admissionDate })
  if (!id.ok)
    return refuse('invalid_id_number', id.message)

  let header: ReturnType<typeof decodeProtectedHeader>
  try {
    header = decodeProtectedHeader(token.trim())
  }
  catch {
    return refuse('malformed', '无法识别的二维码，请让患者在手机上重新打开备案二维码')
  }
  if (header.typ !== CREDENTIAL_TYPE || header.alg !== 'EdDSA')
    return refuse('malformed', '这不是异地就医备案二维码')
  const jwk = data.keys.find(key => key.kid === header.kid)
  if (!jwk)
    return refuse('unknown_key', '签发密钥未知：请联网更新密钥后再核验，或改用联网查询')

  let payload: Uint8Array
  try {
    payload = (await compactVerify(token.trim(), await importJWK(jwk, 'EdDSA'))).payload
  }
  catch {
    return refuse('bad_signature', '二维码签名无效，可能被篡改：请勿据此办理，改用联网查询核实')
  }
  const parsed = filingCredentialClaimsSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)))
  if (!parsed.success)
    return refuse('bad_claims', '二维码内容不完整，请改用联网查询')
  const claims = parsed.data

  const warnings: string[] = []
  const fetchedAt = data.revocationsFetchedAt ? Date.parse(data.revocationsFetchedAt) : Number.NaN
  if (!(facts.now.getTime() - fetchedAt < STALE_REVOCATIONS_MS))
    warnings.push(Number.isNaN(fetchedAt) ? '本机尚未下载撤销名单，结果可能不是最新' : '撤销名单已超过24小时未更新，结果可能不是最新，请尽快联网')

  const revokedAt = data.revokedAt[claims.filingNumber]
  const revoked = revokedAt !== undefined && revokedAt > claims.issuedAt
  const impersonation = await sha256Hex(idHashInput(claims.idSalt, id.value.idNumber)) !== claims.idHash
  if (impersonation) {
    return {
      kind: 'checked', claims, outcome: 'none', revoked, impersonation, ratioCutPoints: 0, warnings,
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
  return { kind: 'checked', claims, outcome: coverage.outcome, revoked, impersonation, ratioCutPoints: coverage.ratioCutPoints, notes, warnings }
}
