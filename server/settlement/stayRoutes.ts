import express from 'express'
import type { Kysely } from 'kysely'
import { z } from 'zod/v4'
import { chinaDateOf, yearOf } from '../../src/domain/dates/calendarDate.ts'
import type { AdmissionType } from '../../src/domain/filing/coversAdmission.ts'
import { isSlipItemId, slipTotalFen } from '../../src/domain/money/stayBill.ts'
import type { BillItem } from '../../src/domain/money/settle.ts'
import type { InpatientRecord } from '../../src/domain/money/refund.ts'
import type { CounterHospital, InpatientSlipPrint, OpenStaysResponse, OpenStayView, OutsideSlipPrint, OutsideSlipView } from '../../src/domain/schemas/stay.ts'
import { patientFacts } from '../../src/domain/stay/patientFacts.ts'
import { type CounterCaller, counterOf } from '../auth/caller.ts'
import { hospitalByCode } from '../hospitals/repository.ts'
import { admissionPolicy } from '../reminders/admissionReminders.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Database, Store } from '../store/index.ts'
import type { OutsideSlipsTable } from '../store/schema.ts'
import type { OutsideSlipForm } from './outsideSlips.ts'
import { inpatientAccumulatorsNow } from './repository.ts'
import { stayCoverage } from './stayCoverage.ts'
import { parseStoredSettlement, type StoredSettlement } from './storedSettlement.ts'

const slipIdSchema = z.guid('单据编号格式不正确')
const settlementIdSchema = z.guid('结算编号格式不正确')

function slipView(row: OutsideSlipsTable): OutsideSlipView {
  return {
    slipId: row.slip_id,
    admissionId: row.admission_id,
    form: JSON.parse(row.form) as OutsideSlipForm,
    items: row.costs === null ? null : JSON.parse(row.costs) as BillItem[],
    settlementId: row.settlement_id,
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
  }
}

/** The counter's own hospital: the directory's name and level where it lists it, else the account's name. */
async function counterHospital(db: Kysely<Database>, caller: CounterCaller): Promise<CounterHospital> {
  const listed = await hospitalByCode(db, caller.hospitalCode)
  return { code: caller.hospitalCode, name: listed?.name ?? caller.hospitalName, city: caller.cityCode, level: listed?.level ?? null }
}

/**
 * The counter's stays: `GET /counter/stays` lists its hospital's open admissions with what the
 * discharge screen needs to show the split offline; `GET /counter/slips/:id` and
 * `GET /counter/settlements/:id` give the 外院检查购药单 (annex 12) and the 住院结算单 (annex 13)
 * to print, from the server's records. Only the counter's own hospital's records open.
 */
export function stayRoutes(store: Store, clock: () => Date): express.Router {
  const { db } = store
  const router = express.Router()

  router.get('/counter/stays', async (_req, res) => {
    const caller = counterOf(res)
    const today = chinaDateOf(clock())
    const admissions = await db.selectFrom('admissions')
      .leftJoin('settlements', 'settlements.admission_id', 'admissions.admission_id')
      .selectAll('admissions')
      .where('admissions.hospital_code', '=', caller.hospitalCode)
      .where('settlements.settlement_id', 'is', null)
      .where('admissions.discharged_unsettled_on', 'is', null)
      .orderBy('admissions.admission_date', 'desc')
      .limit(500)
      .execute()
    const ids = admissions.map(admission => admission.admission_id)
    const slips = ids.length === 0 ? [] : await db.selectFrom('outside_slips').selectAll().where('admission_id', 'in', ids).orderBy('issued_at').orderBy('slip_id').execute()
    const stays: OpenStayView[] = []
    for (const admission of admissions) {
      const covered = await stayCoverage(db, caller, admission)
      const accumulatorsOf = await inpatientAccumulatorsNow(db, admission.id_number)
      const years: Record<string, ReturnType<typeof accumulatorsOf>> = {}
      for (let year = yearOf(admission.admission_date); year <= yearOf(today); year++)
        years[year] = accumulatorsOf(year)
      stays.push({
        admissionId: admission.admission_id,
        idNumber: admission.id_number,
        name: admission.name,
        ...patientFacts(admission.id_number, admission.admission_date),
        admissionDate: admission.admission_date,
        admissionType: admission.admission_type as AdmissionType,
        coverage: covered.ok
          ? { ok: true, insuredRegion: covered.coverage.record.insuredRegion, insuranceType: covered.coverage.record.insuranceType, ratioCutPoints: covered.coverage.ratioCutPoints, outcome: covered.coverage.outcome as 'valid' | 'deemed' }
          : { ok: false, refusal: covered.refusal },
        claimRegion: covered.ok ? covered.coverage.record.insuredRegion : (await admissionPolicy(db, admission))?.insuredRegion ?? null,
        accumulators: years,
        slips: slips.filter(slip => slip.admission_id === admission.admission_id).map(slipView),
      })
    }
    res.set('Cache-Control', 'no-store')
    res.json({ hospital: await counterHospital(db, caller), today, stays } satisfies OpenStaysResponse)
  })

  router.get('/counter/slips/:id', async (req, res) => {
    const caller = counterOf(res)
    const row = await db.selectFrom('outside_slips').selectAll().where('slip_id', '=', slipIdSchema.parse(req.params.id)).executeTakeFirst()
    if (!row || row.hospital_code !== caller.hospitalCode)
      throw new HttpProblem(404, '未找到本院开具的这张外院检查治疗或购药单', { code: 'not_found' })
    const admission = await db.selectFrom('admissions').selectAll().where('admission_id', '=', row.admission_id).executeTakeFirstOrThrow()
    const slip = slipView(row)
    res.set('Cache-Control', 'no-store')
    res.json({
      ...slip,
      hospital: await counterHospital(db, caller),
      patient: { name: admission.name, ...patientFacts(admission.id_number, slip.form.issuedOn), idType: 'resident_id', idNumber: admission.id_number },
    } satisfies OutsideSlipPrint)
  })

  router.get('/counter/settlements/:id', async (req, res) => {
    const caller = counterOf(res)
    const row = await db.selectFrom('settlements').selectAll().where('settlement_id', '=', settlementIdSchema.parse(req.params.id)).executeTakeFirst()
    if (!row || row.hospital_code !== caller.hospitalCode)
      throw new HttpProblem(404, '未找到本院的这笔结算', { code: 'not_found' })
    const record = parseStoredSettlement(row.record) as StoredSettlement
    if (record.kind !== 'inpatient' || !row.admission_id)
      throw new HttpProblem(404, '这笔结算不是住院结算，没有住院结算单', { code: 'not_inpatient' })
    const admission = await db.selectFrom('admissions').selectAll().where('admission_id', '=', row.admission_id).executeTakeFirstOrThrow()
    const stayRecord = record as InpatientRecord & StoredSettlement
    res.set('Cache-Control', 'no-store')
    res.json({
      settlementId: record.settlementId,
      patient: { name: admission.name, ...patientFacts(admission.id_number, admission.admission_date), idNumber: admission.id_number, cardNumber: stayRecord.stay?.cardNumber ?? null },
      insuredRegion: record.insuredRegion,
      insuranceType: record.insuranceType,
      treatmentRegion: caller.cityCode,
      hospital: await counterHospital(db, caller),
      hospitalLevel: stayRecord.context.hospitalLevel,
      admissionType: admission.admission_type as AdmissionType,
      stay: stayRecord.stay ?? null,
      admissionDate: stayRecord.context.admissionDate,
      dischargeDate: stayRecord.context.dischargeDate,
      stayDays: stayRecord.split.stayDays,
      ratioCutPoints: stayRecord.context.ratioCutPoints,
      split: stayRecord.split,
      outsideFen: slipTotalFen(stayRecord.items.filter(item => isSlipItemId(item.id))),
    } satisfies InpatientSlipPrint)
  })

  return router
}
