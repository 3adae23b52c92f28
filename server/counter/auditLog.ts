import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { addDays, chinaDateOf, daysBetween } from '../../src/domain/dates/calendarDate.ts'
import { normalizeIdNumber } from '../../src/domain/identity/idNumber.ts'
import { maskIdNumber } from '../../src/domain/identity/mask.ts'
import { AUDIT_MAX_DAYS, type AuditListEntry } from '../../src/domain/schemas/http.ts'
import { insuredOwnerKey, loadOwnerKeyPepper } from '../auth/ownerKeys.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Database } from '../store/index.ts'

/** Who and where: the staff account that made a verification. */
export interface AuditedBy {
  username: string
  hospitalCode: string
  cityCode: string
}

export interface AuditEntryInput {
  at: string
  /** The 身份证号码 checked, or undefined when it was not a valid number (then nothing is kept of it). */
  idNumber?: string | undefined
  name?: string | undefined
  method: string
  outcome: string
  filingNumber: string | null
  actionId: string | null
}

/**
 * Writes one verification to the audit log: the number masked, the 姓名, and a keyed hash of the
 * number so that the account can find the entries again by typing it (the log holds no full number).
 */
export async function writeAuditEntry(db: Kysely<Database>, by: AuditedBy, entry: AuditEntryInput): Promise<void> {
  const pepper = entry.idNumber ? await loadOwnerKeyPepper(db) : undefined
  await db.insertInto('audit_log').values({
    id: randomUUID(),
    staff_username: by.username,
    hospital_code: by.hospitalCode,
    city_code: by.cityCode,
    at: entry.at,
    target_masked: entry.idNumber ? maskIdNumber(entry.idNumber) : '（号码无效）',
    method: entry.method,
    outcome: entry.outcome,
    filing_number: entry.filingNumber,
    action_id: entry.actionId,
    patient_name: entry.name?.trim() || null,
    patient_key: pepper && entry.idNumber ? insuredOwnerKey(pepper, entry.idNumber) : null,
  }).execute()
}

export interface AuditSearch {
  from?: string | undefined
  to?: string | undefined
  q?: string | undefined
}

/** The start of a China day as a UTC instant (audit times are stored in UTC). */
const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()

/**
 * An account's own verifications between two China days (both included, today by default),
 * newest first, optionally of one patient: a full 身份证号码 is matched by its keyed hash, anything
 * else as the 姓名. Each entry shows the admission recorded after it for that patient, if any.
 */
export async function searchAuditLog(db: Kysely<Database>, by: AuditedBy, search: AuditSearch, now: Date): Promise<AuditListEntry[]> {
  const today = chinaDateOf(now)
  const from = search.from ?? search.to ?? today
  const to = search.to ?? today
  if (daysBetween(from, to) < 0) {
    const message = '开始日期不能晚于结束日期'
    throw new HttpProblem(400, message, { code: 'invalid_range', errors: [{ field: 'from', code: 'invalid_range', message }] })
  }
  if (daysBetween(from, to) >= AUDIT_MAX_DAYS) {
    const message = `一次最多查询${AUDIT_MAX_DAYS}天的记录，请缩短日期范围`
    throw new HttpProblem(400, message, { code: 'range_too_long', errors: [{ field: 'from', code: 'range_too_long', message }] })
  }
  const pepper = await loadOwnerKeyPepper(db)
  const q = search.q?.trim()
  const asNumber = q && /^\d{17}[\dXx]$/.test(q) ? normalizeIdNumber(q) : undefined

  let query = db.selectFrom('audit_log')
    .select(['at', 'patient_name', 'patient_key', 'target_masked', 'method', 'outcome', 'filing_number'])
    .where('staff_username', '=', by.username)
    .where('at', '>=', startOf(from))
    .where('at', '<', startOf(addDays(to, 1)))
  if (asNumber)
    query = query.where('patient_key', '=', insuredOwnerKey(pepper, asNumber))
  else if (q)
    query = query.where('patient_name', '=', q)
  const rows = await query.orderBy('at', 'desc').limit(500).execute()

  // Admissions of the same hospital from the range on, matched to the entries by the same keyed hash.
  const admissions = rows.some(row => row.patient_key)
    ? await db.selectFrom('admissions')
        .select(['admission_id', 'id_number', 'admission_date', 'recorded_at'])
        .where('hospital_code', '=', by.hospitalCode)
        .where('recorded_at', '>=', startOf(from))
        .orderBy('recorded_at', 'asc')
        .limit(5000)
        .execute()
    : []
  const byPatient = new Map<string, typeof admissions>()
  for (const admission of admissions) {
    const key = insuredOwnerKey(pepper, admission.id_number)
    byPatient.set(key, [...(byPatient.get(key) ?? []), admission])
  }

  return rows.map((row) => {
    const admission = row.patient_key ? byPatient.get(row.patient_key)?.find(item => item.recorded_at >= row.at) : undefined
    return {
      at: row.at,
      patientName: row.patient_name,
      targetMasked: row.target_masked,
      method: row.method,
      outcome: row.outcome,
      filingNumber: row.filing_number,
      admission: admission ? { admissionId: admission.admission_id, admissionDate: admission.admission_date, recordedAt: admission.recorded_at } : null,
    }
  })
}
