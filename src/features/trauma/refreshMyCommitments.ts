import { ApiProblem, callApi } from '../../api'
import { db } from '../../db/database'
import { readSession } from '../../db/session'
import { localCommitment, type ServerCommitmentVersion } from './serverCommitment'

type ServerCommitment = ServerCommitmentVersion & { commitmentId: string, version: number }

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
  await db.trauma.bulkPut([...latest.values()].flatMap(item => localCommitment(item.commitmentId, item) ?? []))
}
