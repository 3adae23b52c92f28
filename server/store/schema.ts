import type { ColumnType } from 'kysely'

/**
 * Table types of the server's database. Columns are portable between SQLite and PostgreSQL:
 * times are UTC ISO-8601 text, money is integer 分, structured values are JSON text, flags are
 * integers 0/1.
 */

/** Small key/value settings the server keeps about itself (e.g. first-start markers). */
export interface ServerSettingsTable {
  key: string
  value: string
  updated_at: string
}

/** Hospital counter staff (医保窗口), bound to one hospital and its city. */
export interface StaffAccountsTable {
  username: string
  /** `scrypt$N$r$p$salt$hash`, never the password. */
  password_hash: string
  role: string
  hospital_code: string
  hospital_name: string
  city_code: string
  must_change_password: number
  /** Raised by a password reset or a disable: tokens carrying an older version are refused. */
  session_version: number
  /** Set when the account may no longer sign in; null while active. */
  disabled_at: string | null
  created_at: string
  updated_at: string
}

/** A one-time sign-in code sent to an insured person's phone. */
export interface SignInChallengesTable {
  id: string
  id_number: string
  name: string
  phone: string
  code_hash: string
  expires_at: string
  attempts: number
  used_at: string | null
  created_at: string
}

/** Every action id the server has answered, kept for good: the idempotency record. */
export interface AppliedActionsTable {
  id: string
  caller: string
  type: string
  /** SHA-256 of the payload as first received; a replay with another payload is refused. */
  payload_hash: string
  status: 'applied' | 'rejected'
  /** JSON: the result of an applied action, or the error of a rejected one. */
  result: string | null
  created_at: string
}

/** Counter verifications (online lookups and offline ones sent later), for inspection. */
export interface AuditLogTable {
  id: string
  staff_username: string
  hospital_code: string
  city_code: string
  at: string
  /** 身份证号码 masked (`110***********123X`); the full number is never logged. */
  target_masked: string
  method: string
  outcome: string
  filing_number: string | null
  action_id: string | null
  /** 姓名 the staff checked; null on rows from before 0020. */
  patient_name: ColumnType<string | null, string | null | undefined, string | null>
  /** Keyed hash of the 身份证号码 (insuredOwnerKey), to find a person's entries; null before 0020. */
  patient_key: ColumnType<string | null, string | null | undefined, string | null>
}

/** The current version of each filing. */
export interface FilingsTable {
  filing_id: string
  filing_number: string
  holder_id_number: string
  holder_name: string
  /** 身份证号码 of the family member who filed it (代办), if any. */
  agent_id_number: string | null
  /** JSON `{name, relationship, phone}` of the agent. */
  agent: string | null
  version: number
  /** JSON of the rulebook's `Filing`. */
  record: string
  /** JSON of the form as filed (`filing.create` payload, later changes applied). */
  form: string
  credential: string | null
  created_at: string
  updated_at: string
}

/** Every version a filing has had; a change adds one, the original stays. */
export interface FilingVersionsTable {
  filing_id: string
  version: number
  action_id: string
  record: string
  form: string
  credential: string | null
  /** JSON `FilingActor` when someone other than the holder made this version; null: the holder. */
  acted_by: string | null
  created_at: string
}

/** Per-prefix sequence behind 备案编号 (`YD530000-20261124-0001`). */
export interface FilingNumberCountersTable {
  prefix: string
  last: number
}

/** Credentials no longer to be honoured: cancelled filings, superseded versions, used referrals. */
export interface RevocationsTable {
  seq: number
  filing_number: string
  version: number
  revoked_at: string
  reason: string
}

/** Ed25519 keys that sign credentials; the private key never leaves the server. */
export interface SigningKeysTable {
  kid: string
  private_jwk: string
  public_jwk: string
  created_at: string
}

/** Photos and PDFs of filing materials, uploaded before the action that refers to them. */
export interface AttachmentsTable {
  id: string
  owner: string
  mime: string
  size: number
  sha256: string
  /** base64: portable between SQLite and PostgreSQL, and files are ≤ 2 MiB. */
  content: string
  created_at: string
  /** When a filing first referred to it; null means it counts against the quota and is swept after a day. */
  referenced_at: string | null
}

/** Attempts counted against a rate limit in its current window, shared by every instance. */
export interface RateLimitCountersTable {
  /** The limit's name and the client or account it counts. */
  key: string
  hits: number
  reset_at: string
}

/** A counter's 入院登记 with 外伤标志 / 涉及第三方标志 (Jilin 第二十七条). */
export interface AdmissionsTable {
  admission_id: string
  hospital_code: string
  staff_username: string
  id_number: string
  name: string
  admission_date: string
  admission_type: string
  trauma_flag: number
  third_party_flag: number
  trauma_commitment_id: string | null
  outcome: string
  filing_number: string | null
  recorded_at: string
  /** Set by `admission.discharge`: left without direct settlement that day (migration 0018). */
  discharged_unsettled_on: string | null
}

/** A signed 外伤无第三方责任承诺书; a later change is a new version, the original stays. */
export interface TraumaCommitmentsTable {
  commitment_id: string
  version: number
  hospital_code: string
  staff_username: string
  patient_id_number: string
  admission_id: string | null
  /** Canonical JSON of the signed form. */
  form: string
  /** base64 of the signature PNG. */
  signature_png: string
  strokes: string
  digest: string
  /** Device time of signing; `received_at` is the server's. */
  signed_at: string | null
  received_at: string
}

/** An outpatient or inpatient settlement: JSON of the money engine's `SettledRecord` (items, figures, accumulators before, split). */
export interface SettlementsTable {
  settlement_id: string
  hospital_code: string
  id_number: string
  settled_on: string
  record: string
  created_at: string
  /** `outpatient` or `inpatient`; defaults to outpatient for rows kept before stays were settled. */
  kind: ColumnType<string, string | undefined, string>
  /** The admission a stay settles (unique: a stay is settled once); null for outpatient. */
  admission_id: string | null
}

/**
 * A 住院期间外院检查治疗或定点药店购药单 (001 annex 12) of one open stay: `form` is the issued slip
 * (JSON), `costs` the bill lines recorded when they came back (JSON, null until then), and
 * `settlement_id` the discharge that settled them.
 */
export interface OutsideSlipsTable {
  slip_id: string
  admission_id: string
  hospital_code: string
  issued_by: string
  issued_at: string
  form: string
  costs: string | null
  costs_recorded_by: string | null
  costs_recorded_at: string | null
  settlement_id: string | null
  /** The approved 手工报销 claim that paid the slip's costs, for a stay not settled directly (migration 0022). */
  claim_id: string | null
}

/** A refund asked for by the insured person and decided by the counter; an approval holds its reversal. */
export interface RefundsTable {
  refund_id: string
  settlement_id: string
  hospital_code: string
  id_number: string
  /** JSON list of item ids; null: the whole settlement. */
  item_ids: string | null
  reason: string
  status: 'pending' | 'approved' | 'rejected'
  requested_on: string
  processed_on: string | null
  note: string | null
  /** JSON of the money engine's `Reversal`. */
  reversal: string | null
}

/** A hospital's month once cleared (清算); refunds of it book into the next open month. */
export interface ClearingPeriodsTable {
  hospital_code: string
  month: string
  closed_at: string
  totals: string
}

/** 参保登记: one insurance relationship of one person (see src/domain/schemas/registry.ts). */
export interface InsuredRegistryTable {
  id_number: string
  insured_region: string
  insurance_type: string
  name: string
  sex: string
  category_basis: string | null
  /** JSON list of phone numbers on record; sign-in codes go only to these. */
  phones: string
  /** JSON list of `{idNumber, name, relationship}`: who may file for this person (代办). */
  family: string
  benefit_status: string
  status_since: string | null
  status_reason: string | null
  valid_from: string
  valid_to: string | null
  updated_at: string
}

/** A one-time code sent to an insured person's phone so that someone else may file for them. */
export interface AgencyConsentChallengesTable {
  id: string
  agent_id_number: string
  holder_id_number: string
  code_hash: string
  expires_at: string
  attempts: number
  used_at: string | null
  created_at: string
}

/** An insured person's consent that `agent` may file, change and cancel for them until `expires_at`. */
export interface AgencyConsentsTable {
  agent_id_number: string
  holder_id_number: string
  granted_at: string
  expires_at: string
}

/** 定点医疗机构: one designated hospital of a 就医地 (see src/domain/schemas/hospital.ts). */
export interface HospitalsTable {
  code: string
  name: string
  city: string
  level: string
  address: string
  phone: string | null
  inpatient: number
  outpatient: number
  chronic: number
  can_refer: number
  sample: number
  updated_at: string
}

/**
 * A 手工报销 claim: `form` is the `claim.submit` payload as applied; an approval keeps the cost
 * parts the agency read from the invoice and the engine's payment in `decision` (JSON).
 */
export interface ClaimsTable {
  claim_id: string
  /** The patient's 身份证号码. */
  id_number: string
  /** The 身份证号码 of whoever submitted it: the patient, or a family member on record. */
  submitted_by: string
  insured_region: string
  insurance_type: string
  kind: 'outpatient' | 'inpatient'
  status: 'submitted' | 'reviewing' | 'approved' | 'rejected'
  form: string
  care_ended_on: string
  deadline: string | null
  submitted_at: string
  decided_on: string | null
  decided_by: string | null
  note: string | null
  decision: string | null
}

/** `failed`: given up after `MAX_REMINDER_ATTEMPTS` failed texts (server/reminders/backoff.ts). */
export type ReminderStatus = 'due' | 'sending' | 'sent' | 'cancelled' | 'failed'

/** What a reminder's deadline belongs to (migration 0018). */
export type ReminderSubjectKind = 'filing' | 'admission' | 'claim'

/** One SMS reminder of a deadline (migrations 0016, 0018). */
export interface RemindersTable {
  id: string
  /** The holder's keyed owner key, never the 身份证号码. */
  owner: string
  /** The filing's, admission's or claim's id, as `subject_kind` says. */
  subject_id: string
  subject_kind: ReminderSubjectKind
  kind: string
  deadline: string
  send_on: string
  reason: string
  /** The article the deadline comes from. */
  article: string
  status: ReminderStatus
  claimed_by: string | null
  claimed_until: string | null
  sent_at: string | null
  /** Failed texts so far; the next try waits until `next_attempt_at`. */
  attempts: number
  next_attempt_at: string | null
  /** Why the last text failed: the error's name or code, never the phone or the text. */
  failure: string | null
  cancelled_at: string | null
}

/** People who turned SMS reminders off. */
export interface ReminderOptOutsTable {
  owner: string
  opted_out_at: string
}

/** Every table Kysely may query; later migrations add their tables here. */
export interface Database {
  server_settings: ServerSettingsTable
  staff_accounts: StaffAccountsTable
  sign_in_challenges: SignInChallengesTable
  applied_actions: AppliedActionsTable
  audit_log: AuditLogTable
  filings: FilingsTable
  filing_versions: FilingVersionsTable
  filing_number_counters: FilingNumberCountersTable
  revocations: RevocationsTable
  signing_keys: SigningKeysTable
  attachments: AttachmentsTable
  rate_limit_counters: RateLimitCountersTable
  admissions: AdmissionsTable
  trauma_commitments: TraumaCommitmentsTable
  settlements: SettlementsTable
  outside_slips: OutsideSlipsTable
  refunds: RefundsTable
  clearing_periods: ClearingPeriodsTable
  claims: ClaimsTable
  insured_registry: InsuredRegistryTable
  agency_consent_challenges: AgencyConsentChallengesTable
  agency_consents: AgencyConsentsTable
  hospitals: HospitalsTable
  reminders: RemindersTable
  reminder_opt_outs: ReminderOptOutsTable
}
