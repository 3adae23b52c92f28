import type { Kysely } from 'kysely'
import { type AdmissionCoverage, type AdmissionQuery, coversAdmission } from '../../src/domain/filing/coversAdmission.ts'
import { policyFor } from '../../src/domain/policy/policyFor.ts'
import { inForceOn } from '../../src/domain/registry/inForceOn.ts'
import type { InsuredRecord } from '../../src/domain/schemas/registry.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Database } from '../store/index.ts'
import { recordsOf } from './repository.ts'

export type PatientIdentity = { ok: true, records: InsuredRecord[] } | { ok: false, problem: HttpProblem & { code: string } }

const problem = (detail: string, code: string, field: string, message: string) =>
  new HttpProblem(422, detail, { code, errors: [{ field, code, message }] }) as HttpProblem & { code: string }

/**
 * The patient as the registry knows them: a 身份证号码 on record under this 姓名. A right number
 * with another 姓名 is not "未备案" but a mismatch the counter must see (Hebei 第十五条: 发现冒用
 * 等情况应立即停止办理入院登记).
 */
export async function identifyPatient(db: Kysely<Database>, query: { idNumber: string, name: string }): Promise<PatientIdentity> {
  const records = await recordsOf(db, query.idNumber)
  if (records.length === 0)
    return { ok: false, problem: problem('未查到该身份证号码的参保登记：请核对号码；确属参保人员的，请其联系参保地医保经办机构', 'not_on_record', 'idNumber', '未查到该身份证号码的参保登记') }
  const named = records.filter(record => record.name === query.name)
  if (named.length === 0)
    return { ok: false, problem: problem('姓名与身份证号码不符：请核对证件；发现冒用的，应停止办理入院登记并告知就医地医保经办机构', 'name_mismatch', 'name', '姓名与身份证号码不符') }
  return { ok: true, records: named }
}

/**
 * The counter's answer from the registry and the filings: the insured region's policy comes
 * from the record (also for a person who never filed), filings count only for the relationship
 * they were made under (Jilin 第十四条), and benefit status decides first (Hebei 第十二条、第十九条).
 * With several relationships in force, the one that settles best answers; the answer names it,
 * since a stay is settled under that relationship's 参保地 and 险种.
 */
export function coverageOnRecord(records: readonly InsuredRecord[], query: Omit<AdmissionQuery, 'policy' | 'insured' | 'benefitsFrozen' | 'benefitsSuspended' | 'insuranceEndedOn'>): AdmissionCoverage & { record: InsuredRecord } {
  const inForce = records.filter(record => inForceOn(record, query.admissionDate))
  const candidates = inForce.length > 0 ? inForce : records.slice(0, 1)
  const answers = candidates.map(record => ({
    record,
    ...coversAdmission({
    ...query,
    policy: policyFor(record.insuredRegion),
    insured: { region: record.insuredRegion, insuranceType: record.insuranceType },
    benefitsFrozen: record.benefitStatus === 'frozen',
    benefitsSuspended: record.benefitStatus === 'suspended',
    ...(inForce.length === 0 && record.validTo !== null ? { insuranceEndedOn: record.validTo } : {}),
    }),
  }))
  return answers.find(answer => answer.outcome === 'valid') ?? answers.find(answer => answer.outcome === 'deemed') ?? answers[0]!
}
