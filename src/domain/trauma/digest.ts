import type { TraumaSignPayload } from '../schemas/trauma'
import { canonicalJson } from './canonicalJson'

/** Payload members that are not part of the signed form: the evidence itself and its digest. */
const EVIDENCE_FIELDS = new Set(['signature', 'strokes', 'digest'])

/** The form as signed: every payload member except the signature image, its strokes and the digest. */
export function signedForm(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !EVIDENCE_FIELDS.has(key)))
}

/**
 * The exact text whose UTF-8 bytes are hashed with SHA-256 into a commitment's `digest`:
 * `yidi:trauma:v1`, the canonical form, the hex SHA-256 of the signature PNG's bytes, and the
 * canonical stroke data, one per line. The caller hashes (no crypto in the rulebook): the tablet
 * with WebCrypto, the server with node:crypto — and a change to any of the three shows.
 */
export function traumaDigestInput(payload: Pick<TraumaSignPayload, 'strokes'> & Record<string, unknown>, signaturePngSha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(signaturePngSha256))
    throw new RangeError('signaturePngSha256 must be a hex SHA-256')
  return ['yidi:trauma:v1', canonicalJson(signedForm(payload)), signaturePngSha256, canonicalJson(payload.strokes)].join('\n')
}

/** The PNG bytes of a `data:image/png;base64,…` signature. */
export function signaturePngBase64(signature: string): string {
  return signature.slice(signature.indexOf(',') + 1)
}
