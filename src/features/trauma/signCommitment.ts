import { parseActionPayload } from '../../domain/schemas/parseAction'
import type { TraumaSignPayload } from '../../domain/schemas/trauma'
import { signaturePngBase64, traumaDigestInput } from '../../domain/trauma/digest'
import { InvalidActionError } from '../../sync/invalidAction'
import { submitAction } from '../../sync/submitAction'

async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes)
  return [...new Uint8Array(digest)].map(byte => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Seals and records a commitment: validates it, hashes the validated form with the signature
 * image and strokes (the server recomputes the same digest), then writes it to the outbox. Works
 * with no network; returns the digest printed on the page. A commitment for an admission is sent
 * after that admission's own action (`dependsOn`).
 */
export async function signCommitment(input: Record<string, unknown>, options: { dependsOn?: string[] } = {}): Promise<string> {
  const parsed = parseActionPayload('trauma.sign', input)
  if (!parsed.ok)
    throw new InvalidActionError(parsed.error)
  const payload: TraumaSignPayload = parsed.payload
  const png = Uint8Array.from(atob(signaturePngBase64(payload.signature)), char => char.charCodeAt(0))
  const digest = await sha256Hex(new TextEncoder().encode(traumaDigestInput(payload, await sha256Hex(png))))
  await submitAction('trauma.sign', { ...payload, digest }, options)
  return digest
}
