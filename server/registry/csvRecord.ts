import { INSURANCE_TYPE_LABELS } from '../../src/domain/filing/categories.ts'
import { SEX_LABELS } from '../../src/domain/identity/sex.ts'
import { BENEFIT_STATUS_LABELS } from '../../src/domain/schemas/registry.ts'
import { columnNameBy, filledCells, fromLabel, listCell } from '../import/csvCells.ts'

/**
 * CSV columns of a registry file, by the schema's field name or the agency's Chinese heading, so
 * an export from the 参保地 system imports with its own header row.
 */
const COLUMNS: Readonly<Record<string, string>> = {
  身份证号码: 'idNumber',
  姓名: 'name',
  性别: 'sex',
  参保地: 'insuredRegion',
  险种: 'insuranceType',
  人员类别依据: 'categoryBasis',
  手机号码: 'phones',
  家庭成员: 'family',
  待遇状态: 'benefitStatus',
  状态起始日期: 'statusSince',
  状态原因: 'statusReason',
  参保开始日期: 'validFrom',
  参保终止日期: 'validTo',
}

/** The schema's field name of a CSV heading, or the heading itself when it is one already. */
export const columnName = columnNameBy(COLUMNS)

/**
 * One CSV row as the record schema reads it: empty cells absent, 男/女, 职工医保/城乡居民医保 and
 * 正常/暂停/冻结 as their codes, phones separated by `;`, family members as
 * `身份证号码:关系:姓名` separated by `;` (关系 as the schema's code, e.g. `child`).
 */
export function recordFromCsv(row: Record<string, string>): Record<string, unknown> {
  const cells = filledCells(row)
  return {
    ...cells,
    ...(cells.sex ? { sex: fromLabel(SEX_LABELS, cells.sex) } : {}),
    ...(cells.insuranceType ? { insuranceType: fromLabel(INSURANCE_TYPE_LABELS, cells.insuranceType) } : {}),
    ...(cells.benefitStatus ? { benefitStatus: fromLabel(BENEFIT_STATUS_LABELS, cells.benefitStatus) } : {}),
    ...(cells.phones ? { phones: listCell(cells.phones) } : {}),
    ...(cells.family
      ? { family: listCell(cells.family).map((member) => {
          const [idNumber, relationship, name] = member.split(/[:：]/).map(part => part.trim())
          return { idNumber, relationship, name }
        }) }
      : {}),
  }
}
