import type { LocalTraumaCommitment } from '../../db/database'
import { traumaSignPayloadSchema } from '../../domain/schemas/trauma'

/** One version of a commitment as the server lists it (`/me/trauma`, `/counter/trauma/:id`). */
export interface ServerCommitmentVersion {
  commitmentId?: string
  version?: number
  form: Record<string, unknown>
  signature: string
  strokes: unknown
  digest: string
  signedAt: string | null
  receivedAt: string
}

/**
 * The tablet's or phone's record of a commitment the server holds, read back through the
 * rulebook schema it was signed with; undefined for a version this app cannot read.
 */
export function localCommitment(id: string, version: ServerCommitmentVersion): LocalTraumaCommitment | undefined {
  const payload = traumaSignPayloadSchema.safeParse({ ...version.form, signature: version.signature, strokes: version.strokes, digest: version.digest })
  if (!payload.success)
    return undefined
  return { id, status: 'synced', payload: payload.data, createdAt: version.signedAt ?? version.receivedAt, receivedAt: version.receivedAt }
}
