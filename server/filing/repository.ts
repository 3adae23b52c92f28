import type { Insertable, Kysely } from 'kysely'
import type { Filing } from '../../src/domain/filing/filing.ts'
import type { FilingActor, FilingHistoryEntry } from '../../src/domain/schemas/filing.ts'
import { compiledOnce } from '../store/compiledOnce.ts'
import type { Database } from '../store/index.ts'
import type { FilingsTable, FilingVersionsTable } from '../store/schema.ts'
import { nextSequence } from '../store/writeTransaction.ts'

/** A filing as the server keeps it: the rules' view, whose it is, who filed it, its credential. */
export interface StoredFiling {
  filing: Filing
  version: number
  holder: { name: string, idNumber: string }
  agent?: { name: string, relationship: string, idNumber: string, phone?: string }
  form: Record<string, unknown>
  credential: string | null
}

type FilingRow = Database['filings']

function fromRow(row: Pick<FilingRow, 'record' | 'version' | 'holder_name' | 'holder_id_number' | 'agent' | 'form' | 'credential'>): StoredFiling {
  const agent = row.agent ? JSON.parse(row.agent) as StoredFiling['agent'] : undefined
  return {
    filing: JSON.parse(row.record) as Filing,
    version: Number(row.version),
    holder: { name: row.holder_name, idNumber: row.holder_id_number },
    ...(agent ? { agent } : {}),
    form: JSON.parse(row.form) as Record<string, unknown>,
    credential: row.credential,
  }
}

const selectFilingsOfHolder = compiledOnce<{ idNumber: string }, FilingRow>(
  ['idNumber'],
  (db, { idNumber }) => db.selectFrom('filings').selectAll().where('holder_id_number', '=', idNumber),
)

/** Every filing a person holds (the rules look at all of them). */
export async function filingsOfHolder(db: Kysely<Database>, idNumber: string): Promise<StoredFiling[]> {
  const { rows } = await selectFilingsOfHolder(db, { idNumber })
  return rows.map(fromRow)
}

/** Filings a person filed for family members (代办). */
export async function filingsFiledBy(db: Kysely<Database>, agentIdNumber: string): Promise<StoredFiling[]> {
  const rows = await db.selectFrom('filings').selectAll()
    .where('agent_id_number', '=', agentIdNumber)
    .where('holder_id_number', '!=', agentIdNumber)
    .execute()
  return rows.map(fromRow)
}

export async function filingById(db: Kysely<Database>, filingId: string): Promise<StoredFiling | undefined> {
  const row = await db.selectFrom('filings').selectAll().where('filing_id', '=', filingId).executeTakeFirst()
  return row && fromRow(row)
}

/** 备案编号: `YD` + 参保地 province code + filing day + a per-day sequence, e.g. `YD530000-20261124-0001`. */
export async function nextFilingNumber(db: Kysely<Database>, insuredRegion: string, filedOn: string): Promise<string> {
  const prefix = `YD${insuredRegion.slice(0, 2)}0000-${filedOn.replaceAll('-', '')}`
  const sequence = await nextSequence(db, prefix)
  return `${prefix}-${String(sequence).padStart(4, '0')}`
}

// Written for every filing action of a batch.
const FILING_COLUMNS = ['filing_id', 'filing_number', 'holder_id_number', 'holder_name', 'agent_id_number', 'agent', 'version', 'record', 'form', 'credential', 'created_at', 'updated_at'] as const
const insertFiling = compiledOnce<Insertable<FilingsTable>>(FILING_COLUMNS, (db, row) => db.insertInto('filings').values(row))
const insertFilingVersion = compiledOnce<Insertable<FilingVersionsTable>>(
  ['filing_id', 'version', 'action_id', 'record', 'form', 'credential', 'acted_by', 'created_at'],
  (db, row) => db.insertInto('filing_versions').values(row),
)

/** Writes a new filing, or its next version, keeping every version and revoking the superseded credential. */
export async function saveFiling(db: Kysely<Database>, stored: StoredFiling, context: { actionId: string, now: Date, revokeReason?: string, actedBy?: FilingActor | undefined }): Promise<void> {
  const at = context.now.toISOString()
  const row = {
    filing_number: stored.filing.filingNumber,
    holder_id_number: stored.holder.idNumber,
    holder_name: stored.holder.name,
    agent_id_number: stored.agent?.idNumber ?? null,
    agent: stored.agent ? JSON.stringify(stored.agent) : null,
    version: stored.version,
    record: JSON.stringify(stored.filing),
    form: JSON.stringify(stored.form),
    credential: stored.credential,
    updated_at: at,
  }
  if (stored.version === 1)
    await insertFiling(db, { ...row, filing_id: stored.filing.filingId, created_at: at })
  else
    await db.updateTable('filings').set(row).where('filing_id', '=', stored.filing.filingId).execute()
  await insertFilingVersion(db, {
    filing_id: stored.filing.filingId,
    version: stored.version,
    action_id: context.actionId,
    record: row.record,
    form: row.form,
    credential: stored.credential,
    acted_by: context.actedBy ? JSON.stringify(context.actedBy) : null,
    created_at: at,
  })
  if (stored.version > 1)
    await revokeCredentials(db, [{ filingNumber: stored.filing.filingNumber, version: stored.version - 1, reason: context.revokeReason ?? 'superseded' }], context.now)
}

/**
 * Puts credentials on the revocation list counters download: a cancelled filing, a superseded
 * version, a one-visit referral once used. A credential issued before `revokedAt` is refused.
 */
export async function revokeCredentials(db: Kysely<Database>, entries: { filingNumber: string, version: number, reason: string }[], now: Date): Promise<void> {
  for (const entry of entries) {
    await db.insertInto('revocations').values({
      seq: await nextSequence(db, 'revocations'),
      filing_number: entry.filingNumber,
      version: entry.version,
      revoked_at: now.toISOString(),
      reason: entry.reason,
    }).execute()
  }
}

/** The 办理记录 of filings, oldest first, keyed by filing id. */
export async function historiesOf(db: Kysely<Database>, filingIds: readonly string[]): Promise<Map<string, FilingHistoryEntry[]>> {
  const histories = new Map<string, FilingHistoryEntry[]>(filingIds.map(id => [id, []]))
  if (filingIds.length === 0)
    return histories
  const rows = await db.selectFrom('filing_versions')
    .innerJoin('applied_actions', 'applied_actions.id', 'filing_versions.action_id')
    .select(['filing_versions.filing_id', 'filing_versions.version', 'filing_versions.created_at', 'filing_versions.acted_by', 'applied_actions.type'])
    .where('filing_versions.filing_id', 'in', [...filingIds])
    .orderBy('filing_versions.version')
    .execute()
  for (const row of rows) {
    histories.get(row.filing_id)?.push({
      version: Number(row.version),
      type: row.type as FilingHistoryEntry['type'],
      at: row.created_at,
      ...(row.acted_by ? { actedBy: JSON.parse(row.acted_by) as FilingActor } : {}),
    })
  }
  return histories
}
