import type { LocalFiling, OutboxEntry, YidiDatabase } from '../../db/database'
import type { Filing } from '../../domain/filing/filing'
import { newFilingFromCreatePayload } from '../../domain/filing/fromPayload'
import { applyCancel, applyChange, applySupplement } from '../../domain/filing/transitions'
import { buildFiling } from '../../domain/filing/validity'
import { policyFor } from '../../domain/policy/policyFor'
import type { FilingCreatePayload } from '../../domain/schemas/filing'
import type { FilingActionResult } from '../../domain/schemas/results'
import type { LocalEffect } from '../localEffects'

type FilingActionType = 'filing.create' | 'filing.change' | 'filing.cancel' | 'filing.supplement'
type ModifyType = Exclude<FilingActionType, 'filing.create'>
type FilingEntry = OutboxEntry<FilingActionType>

const tables = (database: YidiDatabase) => [database.filings]
const subject = (entry: FilingEntry) => entry.payload.filingId

/** The filing as the phone first shows it, before the server has it. */
function filingFromCreate(payload: FilingCreatePayload): Filing {
  return buildFiling(newFilingFromCreatePayload(payload, ''), payload.filledOn, policyFor(payload.insuredRegion))
}

/** One waiting change, cancel or supplement, applied as the server will apply it. */
function applyEdit(filing: Filing, entry: OutboxEntry<ModifyType>): Filing {
  switch (entry.type) {
    case 'filing.change':
      return applyChange(filing, entry.payload.changes, entry.payload.filledOn, policyFor(filing.insuredRegion))
    case 'filing.cancel':
      return applyCancel(filing, entry.payload.requestedOn)
    case 'filing.supplement':
      return applySupplement(filing, entry.payload.suppliedOn)
  }
}

const FILING_ACTIONS: readonly string[] = ['filing.create', 'filing.change', 'filing.cancel', 'filing.supplement'] satisfies FilingActionType[]
const isFilingEntry = (entry: OutboxEntry): entry is FilingEntry => FILING_ACTIONS.includes(entry.type)
const isEdit = (entry: FilingEntry): entry is OutboxEntry<ModifyType> => entry.type !== 'filing.create'
const isWaiting = (entry: FilingEntry) => entry.status === 'pending' || entry.status === 'sending'

/**
 * Shows a filing as the server has it plus the edits still waiting on this phone, in the order
 * they were made. Run after every answer and discard, so a refused or dropped edit disappears
 * and the server's version shows again, while later edits stay.
 */
async function showFiling(database: YidiDatabase, filingId: string, server?: FilingActionResult) {
  const local = await database.filings.get(filingId)
  if (!local)
    return
  const entries = (await database.outbox.where('subject').equals(filingId).sortBy('createdAt')).filter(isFilingEntry)
  const unapplied = entries.filter(entry => entry.status !== 'applied')
  const create = unapplied.find(entry => entry.type === 'filing.create')
  const waiting = unapplied.filter(isWaiting)
  const base = server?.filing
    ?? local.record.confirmed
    ?? (create ? filingFromCreate(create.payload) : local.record.filing)
  const filing = waiting.filter(isEdit).reduce(applyEdit, base)
  const status: LocalFiling['status'] = create?.status === 'rejected' ? 'rejected' : waiting.length > 0 ? 'pending' : 'synced'
  const { confirmed: _previous, credential: kept, ...record } = local.record
  const credential = server ? server.credential : kept
  await database.filings.put({
    ...local,
    ...(server ? { filingNumber: server.filing.filingNumber } : {}),
    status,
    record: {
      ...record,
      filing,
      // Waiting edits over a filing the server has: keep its version to fall back on. Over a
      // filing still being created there is none yet; the create's own draft is the base.
      ...(waiting.length > 0 && !create ? { confirmed: base } : {}),
      ...(credential ? { credential } : {}),
    },
    updatedAt: new Date().toISOString(),
  })
}

const answered = {
  tables,
  subject,
  applied: (database: YidiDatabase, entry: FilingEntry, result: FilingActionResult | undefined) => showFiling(database, entry.payload.filingId, result),
  rejected: (database: YidiDatabase, entry: FilingEntry) => showFiling(database, entry.payload.filingId),
}

/** `filing.create`: the filing appears on the phone at once, marked 待同步 until the server has it. */
export const filingCreateEffect: LocalEffect<'filing.create'> = {
  ...answered,
  async optimistic(database, { payload, createdAt }) {
    await database.filings.put({
      id: payload.filingId,
      status: 'pending',
      record: {
        filing: filingFromCreate(payload),
        holder: { name: payload.name, idNumber: payload.idNumber },
        form: payload,
        relation: payload.agent ? 'family' : 'own',
        ...(payload.agent ? { agent: { name: payload.agent.name, relationship: payload.agent.relationship } } : {}),
      },
      updatedAt: createdAt,
    })
  },
  async discarded(database, entry) {
    await database.filings.delete(entry.payload.filingId)
  },
}

/** Change, cancel and supplement show their effect at once, and withdraw it when refused or dropped. */
const editEffect = {
  ...answered,
  optimistic: (database: YidiDatabase, entry: FilingEntry) => showFiling(database, entry.payload.filingId),
  discarded: (database: YidiDatabase, entry: FilingEntry) => showFiling(database, entry.payload.filingId),
}

export const filingChangeEffect: LocalEffect<'filing.change'> = editEffect
export const filingCancelEffect: LocalEffect<'filing.cancel'> = editEffect
export const filingSupplementEffect: LocalEffect<'filing.supplement'> = editEffect
