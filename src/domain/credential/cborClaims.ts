import { decode, encode } from 'cborg'
import { FILING_CATEGORIES, INSURANCE_TYPES } from '../filing/categories'
import { CREDENTIAL_CLAIMS_VERSION, type FilingCredentialClaims } from './claims'

/**
 * The claims as a CBOR map with small integer keys, the densest form a QR can carry: codes for
 * the enums, days since 1970 for dates, integers for region codes, the tag as raw bytes. The
 * key id travels in the COSE header, not here. Numbers are part of the credential format:
 * never reuse or renumber one, add new ones.
 */
const KEY = {
  filingNumber: 1,
  maskedName: 2,
  idTag: 3,
  category: 4,
  insuranceType: 5,
  insuredRegion: 6,
  destination: 7,
  validFrom: 8,
  validTo: 9,
  promise: 10,
  oneVisit: 11,
  referredBy: 12,
  issuedAtMs: 13,
  /** 医疗机构代码 as the integer of its 11 digits (`H` dropped): 9 bytes against 13 as text. */
  referredByCode: 14,
} as const

// Explicit codes, so reordering the domain's lists never changes what an issued QR means.
const CATEGORY_CODES: Readonly<Record<(typeof FILING_CATEGORIES)[number], number>> = {
  retired_resettled: 1, long_term_resident: 2, resident_worker: 3, migrant_worker: 4, entrepreneur: 5, referral: 6, other_temporary: 7,
}
const INSURANCE_CODES: Readonly<Record<(typeof INSURANCE_TYPES)[number], number>> = { employee: 1, resident: 2 }

const DAY_MS = 86_400_000
const toDays = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS
const fromDays = (days: unknown) => new Date(Number(days) * DAY_MS).toISOString().slice(0, 10)
const codeOf = <T extends string>(codes: Readonly<Record<T, number>>, code: unknown) =>
  (Object.keys(codes) as T[]).find(name => codes[name] === code)

function bytesFromBase64url(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), char => char.charCodeAt(0))
}
function base64urlFromBytes(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

export function encodeClaims(claims: FilingCredentialClaims): Uint8Array {
  const map = new Map<number, unknown>([
    [KEY.filingNumber, claims.filingNumber],
    [KEY.maskedName, claims.maskedName],
    [KEY.idTag, bytesFromBase64url(claims.idTag)],
    [KEY.category, CATEGORY_CODES[claims.category]],
    [KEY.insuranceType, INSURANCE_CODES[claims.insuranceType]],
    [KEY.insuredRegion, Number(claims.insuredRegion)],
    [KEY.destination, Number(claims.destination)],
    [KEY.validFrom, toDays(claims.validFrom)],
  ])
  // Absent keys cost nothing: a long-term filing has no end, most are neither promises nor one visit.
  if (claims.validTo !== null)
    map.set(KEY.validTo, toDays(claims.validTo))
  if (claims.promise)
    map.set(KEY.promise, true)
  if (claims.oneVisit)
    map.set(KEY.oneVisit, true)
  if (claims.referredBy !== undefined)
    map.set(KEY.referredBy, claims.referredBy)
  if (claims.referredByCode !== undefined)
    map.set(KEY.referredByCode, Number(claims.referredByCode.slice(1)))
  map.set(KEY.issuedAtMs, Date.parse(claims.issuedAt))
  return encode(map)
}

/**
 * The claims read back from CBOR, not yet validated: the caller parses them with
 * `filingCredentialClaimsSchema`. Throws on bytes that are not a CBOR map.
 */
export function decodeClaims(bytes: Uint8Array, keyId: string): Record<string, unknown> {
  const map: unknown = decode(bytes, { useMaps: true })
  if (!(map instanceof Map))
    throw new TypeError('claims are not a map')
  const tag: unknown = map.get(KEY.idTag)
  const validTo: unknown = map.get(KEY.validTo)
  const referredBy: unknown = map.get(KEY.referredBy)
  const referredByCode: unknown = map.get(KEY.referredByCode)
  return {
    v: CREDENTIAL_CLAIMS_VERSION,
    filingNumber: map.get(KEY.filingNumber),
    maskedName: map.get(KEY.maskedName),
    idTag: tag instanceof Uint8Array ? base64urlFromBytes(tag) : undefined,
    category: codeOf(CATEGORY_CODES, map.get(KEY.category)),
    insuranceType: codeOf(INSURANCE_CODES, map.get(KEY.insuranceType)),
    insuredRegion: String(map.get(KEY.insuredRegion)),
    destination: String(map.get(KEY.destination)),
    validFrom: fromDays(map.get(KEY.validFrom)),
    validTo: validTo === undefined ? null : fromDays(validTo),
    promise: map.get(KEY.promise) === true,
    oneVisit: map.get(KEY.oneVisit) === true,
    ...(referredBy !== undefined && { referredBy }),
    // Anything but a number is passed on as it is, for the claims schema to refuse.
    ...(referredByCode !== undefined && { referredByCode: typeof referredByCode === 'number' ? `H${String(referredByCode).padStart(11, '0')}` : referredByCode }),
    keyId,
    issuedAt: new Date(Number(map.get(KEY.issuedAtMs))).toISOString(),
  }
}
