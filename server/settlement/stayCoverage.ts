import type { Kysely } from 'kysely'
import type { AdmissionCoverage, AdmissionType } from '../../src/domain/filing/coversAdmission.ts'
import type { Refusal } from '../../src/domain/refusal.ts'
import { refusal } from '../../src/domain/refusal.ts'
import type { InsuredRecord } from '../../src/domain/schemas/registry.ts'
import type { CounterCaller } from '../auth/caller.ts'
import { filingsOfHolder } from '../filing/repository.ts'
import { coverageOnRecord } from '../registry/patientOnRecord.ts'
import { recordsOf } from '../registry/repository.ts'
import type { Database } from '../store/index.ts'
import type { AdmissionsTable } from '../store/schema.ts'

export type StayCoverage = { ok: true, coverage: AdmissionCoverage & { record: InsuredRecord } } | { ok: false, refusal: Refusal }

/**
 * Under which insurance relationship and ratio cut a stay settles, from the server's own
 * admission (its injury flags), registry and filings, checked on the admission date (a filing 补办 before discharge counts,
 * 001 二(四)). The discharge settles with it and the counter's list of open stays shows it, so
 * the split the counter sees offline is the one the server will compute.
 */
export async function stayCoverage(db: Kysely<Database>, caller: CounterCaller, admission: AdmissionsTable): Promise<StayCoverage> {
  // 001 第三十二条 and 二(四): only injuries without a third party settle directly; the rest
  // follow the 参保地's rules (manual reimbursement, or the liable party pays).
  if (admission.trauma_flag === 1 && admission.third_party_flag === 1)
    return { ok: false, refusal: refusal('third_party_injury', '外伤且涉及第三方责任的费用不能直接结算，请按参保地规定办理（如手工报销）', 'admissionId') }
  if (admission.trauma_flag === 1 && !admission.trauma_commitment_id)
    return { ok: false, refusal: refusal('trauma_commitment_required', '外伤且无第三方责任的，须先签署《外伤无第三方责任承诺书》方可直接结算', 'admissionId') }
  const records = (await recordsOf(db, admission.id_number)).filter(record => record.name === admission.name)
  if (records.length === 0)
    return { ok: false, refusal: refusal('not_on_record', '未查到该患者的参保登记，不能直接结算', 'idNumber') }
  const filings = (await filingsOfHolder(db, admission.id_number)).filter(item => item.holder.name === admission.name).map(item => item.filing)
  const coverage = coverageOnRecord(records, {
    filings,
    hospitalCity: caller.cityCode,
    admissionDate: admission.admission_date,
    admissionType: admission.admission_type as AdmissionType,
  })
  if (coverage.outcome === 'frozen')
    return { ok: false, refusal: refusal('benefits_frozen', '医保待遇冻结或暂停，不能直接结算：费用由本人全额现金结算，按参保地规定报销') }
  if (coverage.outcome === 'none')
    return { ok: false, refusal: refusal('no_filing', '未查到覆盖本院、在入院日有效的异地就医备案：出院结算前补办备案后可直接结算，否则按参保地规定手工报销') }
  return { ok: true, coverage }
}
