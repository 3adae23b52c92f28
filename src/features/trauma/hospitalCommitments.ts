import { ApiProblem, callApi } from '../../api'
import { db } from '../../db/database'
import { readSession } from '../../db/session'
import { localCommitment, type ServerCommitmentVersion } from './serverCommitment'

/** A commitment of this hospital as the server lists it: who and when, masked. */
export interface HospitalCommitment {
  commitmentId: string
  version: number
  patientName: string
  patientMasked: string
  injuredOn: string
  receivedAt: string
}

async function counterToken(): Promise<string | undefined> {
  const session = await readSession(db)
  return session?.role === 'counter' && navigator.onLine ? session.token : undefined
}

/** Commitments signed at this hospital on any of its tablets; empty when offline. */
export async function listHospitalCommitments(): Promise<HospitalCommitment[]> {
  const token = await counterToken()
  if (!token)
    return []
  try {
    return (await callApi<{ commitments: HospitalCommitment[] }>('/counter/trauma', { token })).commitments
  }
  catch (error) {
    if (error instanceof ApiProblem)
      return []
    throw error
  }
}

/** Brings one commitment (its latest version, with signature and digest) onto this tablet to view and print. */
export async function fetchHospitalCommitment(commitmentId: string): Promise<void> {
  const token = await counterToken()
  if (!token)
    return
  const { versions } = await callApi<{ versions: ServerCommitmentVersion[] }>(`/counter/trauma/${commitmentId}`, { token })
  const latest = versions.at(-1)
  const local = latest && localCommitment(commitmentId, latest)
  if (local)
    await db.trauma.put(local)
}
