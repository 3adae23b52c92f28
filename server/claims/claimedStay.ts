import type { Kysely } from 'kysely'
import type { BillItem } from '../../src/domain/money/settle.ts'
import { type SlipCosts, slipTotalFen } from '../../src/domain/money/stayBill.ts'
import type { Database } from '../store/index.ts'
import type { OutsideSlipForm } from '../settlement/outsideSlips.ts'
import { type ClaimRow, formOf } from './repository.ts'

/** A 外院检查治疗或购药单 of the claimed stay as the desk shows it; `items` null while its costs are not recorded. */
export interface ClaimedSlip {
  slipId: string
  kind: OutsideSlipForm['kind']
  outsideName: string
  items: string
  issuedOn: string
  costs: BillItem[] | null
  totalFen: number | null
}

/** The stay on the server's records a claim is for, and the slips whose recorded costs it pays. */
export interface ClaimedStay {
  admissionId: string
  admissionDate: string
  dischargedOn: string
  slips: ClaimedSlip[]
}

/**
 * The admission an inpatient claim is for: the same person and 姓名, admitted on the claim's
 * 入院日期 and discharged without direct settlement (`admission.discharge`) on its 出院日期 — the
 * link the stay's 手工报销 reminder uses. A stay settled directly is never claimable, and a match
 * that is not unique links nothing (the desk then reads the claim's own invoices only).
 */
async function admissionOfClaim(db: Kysely<Database>, claim: ClaimRow) {
  const form = formOf(claim)
  if (claim.kind !== 'inpatient' || !form.admissionDate)
    return undefined
  const found = await db.selectFrom('admissions')
    .leftJoin('settlements', 'settlements.admission_id', 'admissions.admission_id')
    .select(['admissions.admission_id', 'admissions.admission_date', 'admissions.discharged_unsettled_on'])
    .where('admissions.id_number', '=', claim.id_number)
    .where('admissions.name', '=', form.name)
    .where('admissions.admission_date', '=', form.admissionDate)
    .where('admissions.discharged_unsettled_on', '=', claim.care_ended_on)
    .where('settlements.settlement_id', 'is', null)
    .limit(2)
    .execute()
  return found.length === 1 ? found[0] : undefined
}

/**
 * The claim's stay with its slips: those not paid by another claim, so 001 第三十三条's costs are
 * paid once. `null` when the server has no such stay.
 */
export async function claimedStayOf(db: Kysely<Database>, claim: ClaimRow): Promise<ClaimedStay | null> {
  const admission = await admissionOfClaim(db, claim)
  if (!admission)
    return null
  const rows = await db.selectFrom('outside_slips').selectAll()
    .where('admission_id', '=', admission.admission_id)
    .where(eb => eb.or([eb('claim_id', 'is', null), eb('claim_id', '=', claim.claim_id)]))
    .orderBy('issued_at').orderBy('slip_id')
    .execute()
  return {
    admissionId: admission.admission_id,
    admissionDate: admission.admission_date,
    dischargedOn: admission.discharged_unsettled_on!,
    slips: rows.map((row) => {
      const form = JSON.parse(row.form) as OutsideSlipForm
      const costs = row.costs === null ? null : JSON.parse(row.costs) as BillItem[]
      return { slipId: row.slip_id, kind: form.kind, outsideName: form.outsideName, items: form.items, issuedOn: form.issuedOn, costs, totalFen: costs && slipTotalFen(costs) }
    }),
  }
}

/** The slips' recorded costs as bill parts of the claim (a slip whose costs never came back pays nothing). */
export function slipCostsOf(stay: ClaimedStay | null): SlipCosts[] {
  return (stay?.slips ?? []).flatMap(slip => (slip.costs ? [{ slipId: slip.slipId, items: slip.costs }] : []))
}

/**
 * Marks the slips as paid by this claim, each only if no other claim took it first (one
 * conditional update per slip, so two desks on two instances cannot both pay it). Returns the
 * slips this claim now holds.
 */
export async function claimSlips(db: Kysely<Database>, claimId: string, slips: readonly SlipCosts[]): Promise<SlipCosts[]> {
  const held: SlipCosts[] = []
  for (const slip of slips) {
    const updated = await db.updateTable('outside_slips').set({ claim_id: claimId })
      .where('slip_id', '=', slip.slipId)
      .where('settlement_id', 'is', null)
      .where(eb => eb.or([eb('claim_id', 'is', null), eb('claim_id', '=', claimId)]))
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 1)
      held.push(slip)
  }
  return held
}

/**
 * True when the server settled this person's stay, admitted and discharged on these days,
 * directly at the hospital: its money was paid there, and a 手工报销 would pay it twice.
 */
export async function settledDirectly(db: Kysely<Database>, idNumber: string, admissionDate: string, dischargeDate: string): Promise<boolean> {
  const settled = await db.selectFrom('admissions')
    .innerJoin('settlements', 'settlements.admission_id', 'admissions.admission_id')
    .select('settlements.settlement_id')
    .where('admissions.id_number', '=', idNumber)
    .where('admissions.admission_date', '=', admissionDate)
    .where('settlements.settled_on', '=', dischargeDate)
    .executeTakeFirst()
  return settled !== undefined
}
