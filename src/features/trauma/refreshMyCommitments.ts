import { ApiProblem, callApi } from '../../api'
import { db } from '../../db/database'
import { readSession } from '../../db/session'

interface ServerCommitment {
  commitmentId: string
  version: number
  form: Record<string, unknown>
  signature: string
  strokes: unknown
  digest: string
  signedAt: string | null
  receivedAt: string
}

/**
 * Brings the commitments signed under this person's 身份证号码 (at any hospital counter) onto the
 * phone, where they stay readable offline. The latest version of each is kept.
 */
export async function refreshMyCommitments(): Promise<void> {
  const session = await readSession(db)
  if (!session || session.role !== 'insured' || !navigator.onLine)
    return
  let reply: { commitments: ServerCommitment[] }
  try {
    reply = await callApi('/me/trauma', { token: session.token })
  }
  catch (error) {
    if (error instanceof ApiProblem)
      return
    throw error
  }
  const latest = new Map<string, ServerCommitment>()
  for (const item of reply.commitments) {
    if ((latest.get(item.commitmentId)?.version ?? 0) < item.version)
      latest.set(item.commitmentId, item)
  }
  await db.trauma.bulkPut([...latest.values()].map(item => ({
    id: item.commitmentId,
    status: 'synced' as const,
    payload: { ...item.form, signature: item.signature, strokes: item.strokes, digest: item.digest },
    createdAt: item.signedAt ?? item.receivedAt,
    receivedAt: item.receivedAt,
  })))
}
