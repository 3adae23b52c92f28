import type { FilingRecord, LocalFiling, YidiDatabase } from '../../db/database'
import type { Filing } from '../../domain/filing/filing'
import { applyCancel, applyChange, applySupplement } from '../../domain/filing/transitions'
import { buildFiling } from '../../domain/filing/validity'
import { newFilingFromCreatePayload } from '../../domain/filing/fromPayload'
import { policyFor } from '../../domain/policy/policyFor'
import type { FilingCancelPayload, FilingChangePayload, FilingCreatePayload, FilingSupplementPayload } from '../../domain/schemas/filing'
import type { LocalEffect } from '../localEffects'

/** What the server answers for an applied filing action (see server/routes/sync/handlers). */
export interface FilingActionResult {
  filing?: { filingNumber?: string } & Partial<Filing>
  credential?: string
}

async function updateRecord(database: YidiDatabase, filingId: string, change: (local: LocalFiling) => Partial<LocalFiling>) {
  const local = await database.filings.get(filingId)
  if (local)
    await database.filings.put({ ...local, ...change(local), updatedAt: new Date().toISOString() })
}

/** The server's record replaces the optimistic one; its 备案编号 and credential arrive with it. */
async function takeServerRecord(database: YidiDatabase, filingId: string, result: unknown) {
  const { filing, credential } = (result ?? {}) as FilingActionResult
  await updateRecord(database, filingId, local => ({
    status: 'synced',
    ...(filing?.filingNumber ? { filingNumber: filing.filingNumber } : {}),
    record: {
      ...local.record,
      filing: { ...local.record.filing, ...filing } as Filing,
      ...(credential ? { credential } : {}),
      rejection: undefined,
    } satisfies FilingRecord,
  }))
}

const tables = (database: YidiDatabase) => [database.filings]

/** `filing.create`: the filing appears on the phone at once, marked 待同步 until the server has it. */
export const filingCreateEffect: LocalEffect = {
  tables,
  async optimistic(database, entry) {
    const payload = entry.payload as FilingCreatePayload
    const filing = buildFiling(newFilingFromCreatePayload(payload, ''), payload.filledOn, policyFor(payload.insuredRegion))
    await database.filings.put({
      id: payload.filingId,
      status: 'pending',
      record: {
        filing,
        holder: { name: payload.name, idNumber: payload.idNumber },
        form: payload,
        relation: payload.agent ? 'family' : 'own',
        ...(payload.agent ? { agent: { name: payload.agent.name, relationship: payload.agent.relationship } } : {}),
      },
      updatedAt: entry.createdAt,
    })
  },
  applied: (database, entry, result) => takeServerRecord(database, (entry.payload as FilingCreatePayload).filingId, result),
  rejected: (database, entry) => updateRecord(database, (entry.payload as FilingCreatePayload).filingId, () => ({ status: 'rejected' })),
  discarded: async (database, entry) => {
    await database.filings.delete((entry.payload as FilingCreatePayload).filingId)
  },
}

/** Change, cancel and supplement show their effect at once and take the server's record when applied. */
function modifyEffect<P extends { filingId: string }>(apply: (filing: Filing, payload: P) => Filing): LocalEffect {
  return {
    tables,
    optimistic: (database, entry) => updateRecord(database, (entry.payload as P).filingId, local => ({
      status: 'pending',
      record: { ...local.record, filing: apply(local.record.filing, entry.payload as P) },
    })),
    applied: (database, entry, result) => takeServerRecord(database, (entry.payload as P).filingId, result),
  }
}

export const filingChangeEffect = modifyEffect<FilingChangePayload>((filing, payload) =>
  applyChange(filing, payload.changes, payload.filledOn, policyFor(filing.insuredRegion)))
export const filingCancelEffect = modifyEffect<FilingCancelPayload>((filing, payload) => applyCancel(filing, payload.requestedOn))
export const filingSupplementEffect = modifyEffect<FilingSupplementPayload>((filing, payload) => applySupplement(filing, payload.suppliedOn))
