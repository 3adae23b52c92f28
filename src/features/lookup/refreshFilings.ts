import { ApiProblem, callApi } from '../../api'
import { db, type LocalFiling } from '../../db/database'
import { readSession } from '../../db/session'
import type { Filing } from '../../domain/filing/filing'
import type { FilingHistoryEntry } from '../../domain/schemas/filing'
import { drawCredentialQrs } from './credentialQrs'

/** One filing as `GET /api/me/filings` returns it. */
export interface ServerFiling {
  filing: Filing
  holder: { name: string, idNumber: string }
  agent?: { name: string, relationship: string }
  form?: Record<string, unknown>
  credential?: string
  history?: FilingHistoryEntry[]
}

/**
 * Brings the device's filings up to date from the server (filings made on another phone, by a
 * family member, or changed at the agency), then draws the QR of each new credential (also
 * offline: one the outbox brought). Records still waiting to sync here are left alone.
 */
export async function refreshFilings(): Promise<void> {
  await fetchFilings()
  await drawCredentialQrs(db)
}

async function fetchFilings(): Promise<void> {
  const session = await readSession(db)
  if (!session || session.role !== 'insured' || !navigator.onLine)
    return
  let reply: { own: ServerFiling[], family: ServerFiling[] }
  try {
    reply = await callApi('/me/filings', { token: session.token })
  }
  catch (error) {
    if (error instanceof ApiProblem)
      return
    throw error
  }
  const now = new Date().toISOString()
  const toLocal = (item: ServerFiling, relation: 'own' | 'family'): LocalFiling => ({
    id: item.filing.filingId,
    filingNumber: item.filing.filingNumber,
    status: 'synced',
    record: { ...item, relation },
    updatedAt: now,
  })
  await db.transaction('rw', db.filings, async () => {
    const fresh = [...reply.own.map(item => toLocal(item, 'own')), ...reply.family.map(item => toLocal(item, 'family'))]
    const before = await db.filings.bulkGet(fresh.map(local => local.id))
    await db.filings.bulkPut(fresh.flatMap((local, n) => {
      const kept = before[n]
      if (kept?.status === 'pending' || kept?.status === 'rejected')
        return []
      // A QR already drawn is kept; it shows only while it draws the filing's credential.
      return [kept?.credentialQr ? { ...local, credentialQr: kept.credentialQr } : local]
    }))
  })
}
