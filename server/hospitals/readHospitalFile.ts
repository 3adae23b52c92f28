import { type DesignatedHospital, designatedHospitalSchema } from '../../src/domain/schemas/hospital.ts'
import { labelledIssues, readRecordFile, type RecordFile, type RecordFormat } from '../import/readRecordFile.ts'
import { columnName, hospitalFromCsv } from './csvHospital.ts'

const FIELD_LABELS: Readonly<Record<string, string>> = {
  code: '医疗机构代码',
  name: '医疗机构名称',
  city: '就医地',
  level: '医院等级',
  address: '地址',
  phone: '联系电话',
  inpatient: '住院联网',
  outpatient: '普通门诊联网',
  chronic: '门诊慢特病联网',
  canRefer: '转诊资格',
  sample: '示例数据',
}

const HOSPITAL_FORMAT: RecordFormat<DesignatedHospital> = {
  schema: designatedHospitalSchema,
  columnName,
  fromCsv: hospitalFromCsv,
  describeIssues: error => labelledIssues(error, path => FIELD_LABELS[String(path[0] ?? '')] ?? String(path[0] ?? '')),
  keyOf: hospital => hospital.code,
  duplicate: earlier => `与第${earlier}行的医疗机构代码相同，同一医疗机构只能出现一次`,
}

/**
 * Reads a directory file (JSON lines or CSV with a header row, UTF-8 with or without BOM) and
 * validates every line; the caller imports only a file without problems.
 */
export function readHospitalFile(path: string, onProgress?: (lines: number) => void): Promise<RecordFile<DesignatedHospital>> {
  return readRecordFile(path, HOSPITAL_FORMAT, onProgress)
}
