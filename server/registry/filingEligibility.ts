import { INSURANCE_TYPE_LABELS } from '../../src/domain/filing/categories.ts'
import { maskName } from '../../src/domain/identity/mask.ts'
import { fullRegionName } from '../../src/domain/regions/catalogue.ts'
import type { InsuredRecord } from '../../src/domain/schemas/registry.ts'
import type { Refusal } from '../../src/domain/refusal.ts'
import { relationshipFor } from './insuranceRelationship.ts'

/** `530100` + `employee` → `昆明市职工医保`, as a person reads their own record. */
export function describeRelationship(record: Pick<InsuredRecord, 'insuredRegion' | 'insuranceType'>): string {
  return `${fullRegionName(record.insuredRegion) ?? record.insuredRegion}${INSURANCE_TYPE_LABELS[record.insuranceType]}`
}

export type Eligibility = { ok: true, record: InsuredRecord } | { ok: false, rejection: Refusal }

/**
 * Who a new filing is for, checked against the registry (DOMAIN §13): the holder is on record
 * under this 姓名, 参保地 and 险种 come from an insurance relationship in force today (a person
 * never declares them; Jilin 第十四条: a filing belongs to one relationship), and someone filing
 * for another person is a family member on that person's record or has their consent (代办,
 * Hebei 第九条).
 */
export function filingEligibility(query: {
  records: readonly InsuredRecord[]
  holder: { idNumber: string, name: string }
  insuredRegion: string
  insuranceType: string
  /** 身份证号码 of the signed-in person when they file for someone else. */
  agentIdNumber?: string
  /** The holder consented by a code to their phone that this agent acts for them. */
  agentConsented?: boolean
  today: string
}): Eligibility {
  const named = query.records.filter(record => record.name === query.holder.name)
  if (named.length === 0) {
    return query.records.length === 0
      ? { ok: false, rejection: { code: 'not_on_record', message: '未查到该身份证号码的参保登记，无法备案。请联系参保地医保经办机构核实参保信息', field: 'idNumber' } }
      : { ok: false, rejection: { code: 'name_mismatch', message: '姓名与身份证号码不符（以参保登记为准），请核对后重新提交', field: 'name' } }
  }
  if (query.agentIdNumber !== undefined && !query.agentConsented && !named.some(record => record.family.some(member => member.idNumber === query.agentIdNumber))) {
    return { ok: false, rejection: {
      code: 'not_family_on_record',
      message: `您不在${maskName(query.holder.name)}参保登记的家庭成员中，不能直接代办：请先获取参保人的代办授权（验证码发到参保人登记的手机），或请参保人本人登录办理，或持您和参保人的身份证、社保卡到参保地医保经办机构办理`,
      field: 'agent.idNumber',
    } }
  }
  const record = relationshipFor(named, query.insuredRegion, query.insuranceType, query.today)
  if (!record) {
    const inForce = named.filter(item => relationshipFor([item], item.insuredRegion, item.insuranceType, query.today))
    const onRecord = inForce.length > 0 ? `参保登记为${inForce.map(describeRelationship).join('、')}` : '参保登记中没有有效的参保关系'
    return { ok: false, rejection: {
      code: 'insurance_not_on_record',
      message: `${onRecord}，与所选参保地或险种不符：参保地和险种以参保登记为准。如登记有误，请联系参保地医保经办机构`,
      field: 'insuredRegion',
    } }
  }
  return { ok: true, record }
}
