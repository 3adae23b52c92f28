import { HOSPITAL_LEVEL_LABELS } from '../../src/domain/schemas/hospital.ts'
import { columnNameBy, filledCells, fromLabel } from '../import/csvCells.ts'

/** CSV columns of a directory file, by the schema's field name or the agency's Chinese heading. */
const COLUMNS: Readonly<Record<string, string>> = {
  医疗机构代码: 'code',
  医疗机构名称: 'name',
  就医地: 'city',
  医院等级: 'level',
  地址: 'address',
  联系电话: 'phone',
  住院联网: 'inpatient',
  普通门诊联网: 'outpatient',
  门诊慢特病联网: 'chronic',
  转诊资格: 'canRefer',
  示例数据: 'sample',
}

export const FLAG_FIELDS = ['inpatient', 'outpatient', 'chronic', 'canRefer', 'sample'] as const

export const columnName = columnNameBy(COLUMNS)

const YES = new Set(['是', 'true', '1', 'y', 'yes'])
const NO = new Set(['否', 'false', '0', 'n', 'no'])

/** 是/否 (or true/false, 1/0) as a boolean; anything else stays text for the schema to refuse. */
function flagOf(value: string): boolean | string {
  const lower = value.toLowerCase()
  return YES.has(lower) ? true : NO.has(lower) ? false : value
}

/** One CSV row as the hospital schema reads it: empty cells absent, 一级/二级/三级 and 是/否 as codes. */
export function hospitalFromCsv(row: Record<string, string>): Record<string, unknown> {
  const cells: Record<string, unknown> = filledCells(row)
  if (typeof cells.level === 'string')
    cells.level = fromLabel(HOSPITAL_LEVEL_LABELS, cells.level)
  for (const field of FLAG_FIELDS) {
    if (typeof cells[field] === 'string')
      cells[field] = flagOf(cells[field])
  }
  return cells
}
