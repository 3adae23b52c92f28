import { normalizeIdNumber } from '../identity/idNumber'

/**
 * The credential's link to its holder's 身份证号码, made so that nobody who only has the QR can
 * find the number. A salted hash cannot do that: an 18-character number has about 10^7
 * candidates once a district and birth decade are known, so any public hash falls in minutes,
 * and a memory-hard one slow enough to cost a CPU-year would cost a tablet far more than 300 ms.
 * Instead the tag is an HMAC keyed by a secret the phone and an eavesdropper never see:
 *
 * - the key is one per 就医地 province, derived with HKDF from a server secret, and served only
 *   to signed-in counter staff (`GET /api/counter/credential-keys`), who cache it to check offline;
 * - without it a guess cannot be tested at all; with it (a counter of that province) the staff
 *   could already look the person up online, so it reveals nothing new to them;
 * - the tag covers the 备案编号 and the issue time, so two credentials of one person look unrelated;
 * - 8 bytes: a forger without the key passes the 冒用 check with chance 2^-64.
 */
export const ID_TAG_INFO_PREFIX = 'yidi:counter-id-key:v1:'
const ID_TAG_PREFIX = 'yidi:id-tag:v2'
export const ID_TAG_BYTES = 8

/** The province (2-digit prefix, `440000`) whose counters hold the key for a 就医地. */
export function idTagProvince(destination: string): string {
  return `${destination.slice(0, 2)}0000`
}

/** HKDF `info` of a province's key, so each province's key is independent of the others. */
export function idTagKeyInfo(province: string): string {
  return `${ID_TAG_INFO_PREFIX}${province}`
}

/**
 * The exact string whose UTF-8 bytes are HMAC'd: fields joined with a separator none of them
 * holds. The caller does the HMAC (no crypto in the rulebook).
 */
export function idTagInput(filingNumber: string, issuedAt: string, idNumber: string): string {
  return `${ID_TAG_PREFIX}\n${filingNumber}\n${issuedAt}\n${normalizeIdNumber(idNumber)}`
}
