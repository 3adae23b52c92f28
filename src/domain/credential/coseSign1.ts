import { decode, encode } from 'cborg'
import { decodeBase45, encodeBase45 } from './base45'

/**
 * COSE_Sign1 (RFC 9052 §4.2) with Ed25519 (alg -8), the envelope of the EU Digital COVID
 * Certificate. Hand-written: the COSE packages on npm either sign through Node's crypto only or
 * bring a large elliptic-curve stack to the browser, and this credential needs only one
 * algorithm and one header. The signing and verifying are the caller's (node:crypto on the
 * server, WebCrypto on the counter); this file only lays out the bytes.
 */
const COSE_SIGN1_TAG = 0xD2 // CBOR tag 18, one byte
const HEADER_ALG = 1
const HEADER_KID = 4
const ALG_EDDSA = -8

/**
 * Prefix of the QR text: says "this is a Yidi filing credential, layout 1 of the compact form".
 * Upper-case and ':' so the whole text stays in the QR's alphanumeric mode.
 */
export const COMPACT_CREDENTIAL_PREFIX = 'YD1:'

/**
 * Key ids are UUIDs; the header carries the first 8 bytes, which tell the handful of keys a
 * server ever has apart and save 8 bytes (12 QR characters) per credential.
 */
export const KID_BYTES = 8
export function kidBytes(kid: string): Uint8Array {
  const hex = kid.replaceAll('-', '').slice(0, KID_BYTES * 2)
  if (!/^[0-9a-f]{16}$/i.test(hex))
    throw new RangeError('key id is not a UUID')
  return Uint8Array.from(hex.match(/../g)!, pair => Number.parseInt(pair, 16))
}
export function kidMatches(kid: string, bytes: Uint8Array): boolean {
  try {
    const own = kidBytes(kid)
    return own.length === bytes.length && own.every((byte, index) => byte === bytes[index])
  }
  catch {
    return false
  }
}

export function protectedHeader(kid: string): Uint8Array {
  return encode(new Map<number, unknown>([[HEADER_ALG, ALG_EDDSA], [HEADER_KID, kidBytes(kid)]]))
}

/** The bytes the signature covers: Sig_structure with context "Signature1" and no external data. */
export function toBeSigned(header: Uint8Array, payload: Uint8Array): Uint8Array {
  return encode(['Signature1', header, new Uint8Array(0), payload])
}

export function encodeCompactCredential(header: Uint8Array, payload: Uint8Array, signature: Uint8Array): string {
  const body = encode([header, new Map(), payload, signature])
  const tagged = new Uint8Array(body.length + 1)
  tagged[0] = COSE_SIGN1_TAG
  tagged.set(body, 1)
  return COMPACT_CREDENTIAL_PREFIX + encodeBase45(tagged)
}

export interface CoseSign1 { header: Uint8Array, kid: Uint8Array, payload: Uint8Array, signature: Uint8Array }

/** The parts of a compact credential; throws on anything that is not an EdDSA COSE_Sign1. */
export function decodeCompactCredential(text: string): CoseSign1 {
  if (!text.startsWith(COMPACT_CREDENTIAL_PREFIX))
    throw new TypeError('not a compact credential')
  const bytes = decodeBase45(text.slice(COMPACT_CREDENTIAL_PREFIX.length))
  const parts: unknown = decode(bytes[0] === COSE_SIGN1_TAG ? bytes.subarray(1) : bytes, { useMaps: true })
  if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((part, index) => index === 1 || part instanceof Uint8Array))
    throw new TypeError('not a COSE_Sign1')
  const [header, , payload, signature] = parts as [Uint8Array, unknown, Uint8Array, Uint8Array]
  const fields: unknown = decode(header, { useMaps: true })
  if (!(fields instanceof Map) || fields.get(HEADER_ALG) !== ALG_EDDSA || !(fields.get(HEADER_KID) instanceof Uint8Array))
    throw new TypeError('not an EdDSA header with a key id')
  return { header, kid: fields.get(HEADER_KID) as Uint8Array, payload, signature }
}
