import type { z } from 'zod/v4'
import { type InsuredRecord, insuredRecordSchema } from '../../src/domain/schemas/registry.ts'
import { type FileProblem, labelledIssues, readRecordFile, type RecordFile, type RecordFormat } from '../import/readRecordFile.ts'
import { columnName, recordFromCsv } from './csvRecord.ts'

export type RegistryFileProblem = FileProblem
export type RegistryFile = RecordFile<InsuredRecord>

const FIELD_LABELS: Readonly<Record<string, string>> = {
  idNumber: '身份证号码',
  name: '姓名',
  sex: '性别',
  insuredRegion: '参保地',
  insuranceType: '险种',
  categoryBasis: '人员类别依据',
  phones: '手机号码',
  family: '家庭成员',
  benefitStatus: '待遇状态',
  statusSince: '状态起始日期',
  statusReason: '状态原因',
  validFrom: '参保开始日期',
  validTo: '参保终止日期',
  relationship: '关系',
}

function labelOf(path: readonly PropertyKey[]): string {
  const [field, index, inner] = path.map(String)
  if (field === 'family' && index !== undefined)
    return `家庭成员第${Number(index) + 1}位${inner ? FIELD_LABELS[inner] ?? inner : ''}`
  return FIELD_LABELS[field ?? ''] ?? field ?? ''
}

const REGISTRY_FORMAT: RecordFormat<InsuredRecord> = {
  schema: insuredRecordSchema,
  columnName,
  fromCsv: recordFromCsv,
  describeIssues: (error: z.ZodError) => labelledIssues(error, labelOf),
  keyOf: record => `${record.idNumber}|${record.insuredRegion}|${record.insuranceType}`,
  duplicate: earlier => `与第${earlier}行的身份证号码、参保地和险种相同，同一参保关系只能出现一次`,
}

/**
 * Reads a registry file (JSON lines or CSV with a header row, UTF-8 with or without BOM) and
 * validates every line against the record schema. Nothing is written here: the caller imports
 * only a file without problems. A 身份证号码 + 参保地 + 险种 twice in one file is a problem too.
 */
export function readRegistryFile(path: string, onProgress?: (lines: number) => void): Promise<RegistryFile> {
  return readRecordFile(path, REGISTRY_FORMAT, onProgress)
}
