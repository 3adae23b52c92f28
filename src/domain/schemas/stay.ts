import type { AdmissionType } from '../filing/coversAdmission'
import type { InsuranceType } from '../filing/categories'
import type { Sex } from '../identity/sex'
import type { Accumulators, BillItem } from '../money/settle'
import type { InpatientSplit } from '../money/settleInpatient'
import type { HospitalLevel } from '../policy/types'
import type { Refusal } from '../refusal'
import type { OutsideSlipIssuePayload } from './outsideSlip'
import type { StayDetails } from './settlement'

/** The counter's own hospital as the directory knows it; `level` null where it does not list it. */
export interface CounterHospital {
  code: string
  name: string
  city: string
  level: HospitalLevel | null
}

/** A 外院检查治疗或购药单 as the server keeps it; `items` null until its costs are recorded. */
export interface OutsideSlipView {
  slipId: string
  admissionId: string
  form: Omit<OutsideSlipIssuePayload, 'slipId' | 'admissionId'>
  items: BillItem[] | null
  settlementId: string | null
  issuedBy: string
  issuedAt: string
}

/** Under which relationship an open stay will settle, or why it cannot settle directly. */
export type StayCoverageView =
  | { ok: true, insuredRegion: string, insuranceType: InsuranceType, ratioCutPoints: number, outcome: 'valid' | 'deemed' }
  | { ok: false, refusal: Refusal }

/**
 * One open stay of the counter's hospital (`GET /api/counter/stays`), with what the discharge
 * screen needs to compute the split on the device, offline too: the relationship and ratio cut
 * the server would settle under, the person's inpatient accumulators of each year the stay may
 * fall in, and the stay's slips.
 */
export interface OpenStayView {
  admissionId: string
  idNumber: string
  name: string
  sex: Sex | null
  age: number | null
  admissionDate: string
  admissionType: AdmissionType
  coverage: StayCoverageView
  /**
   * The 参保地 on record on the admission day, whether or not the stay settles directly: its
   * policy gives the 手工报销 deadline of a discharge without direct settlement. Null when the
   * registry holds none.
   */
  claimRegion: string | null
  accumulators: Record<string, Accumulators>
  slips: OutsideSlipView[]
}

export interface OpenStaysResponse {
  hospital: CounterHospital
  /** The server's China day when it answered. */
  today: string
  stays: OpenStayView[]
}

/** `GET /api/counter/slips/:id`: a slip with the patient lines of annex 12. */
export interface OutsideSlipPrint extends OutsideSlipView {
  hospital: CounterHospital
  patient: { name: string, sex: Sex | null, age: number | null, idType: 'resident_id', idNumber: string }
}

/**
 * `GET /api/counter/settlements/:id`: every field of the 住院结算单 (001 annex 13) from the server's
 * record of the settlement; amounts in 分.
 */
export interface InpatientSlipPrint {
  settlementId: string
  patient: { name: string, sex: Sex | null, age: number | null, idNumber: string, cardNumber: string | null }
  insuredRegion: string
  insuranceType: InsuranceType
  /** 就医地. */
  treatmentRegion: string
  hospital: CounterHospital
  hospitalLevel: HospitalLevel
  admissionType: AdmissionType
  stay: StayDetails | null
  admissionDate: string
  dischargeDate: string
  stayDays: number
  ratioCutPoints: number
  split: InpatientSplit
  /** Of the 总费用, what came from the stay's 外院检查治疗或购药单. */
  outsideFen: number
}
