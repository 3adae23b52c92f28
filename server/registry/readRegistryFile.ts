import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { parse } from 'csv-parse'
import type { z } from 'zod/v4'
import { type InsuredRecord, insuredRecordSchema } from '../../src/domain/schemas/registry.ts'
import { columnName, recordFromCsv } from './csvRecord.ts'

/** A line that cannot be imported, with the reason in words a clerk understands. */
export interface RegistryFileProblem {
  line: number
  message: string
}

export interface RegistryFile {
  records: InsuredRecord[]
  problems: RegistryFileProblem[]
  /** Data lines read (the CSV header not counted). */
  lines: number
}

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

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => {
    const [field, index, inner] = issue.path.map(String)
    const label = FIELD_LABELS[field ?? ''] ?? field ?? ''
    const where = field === 'family' && index !== undefined ? `家庭成员第${Number(index) + 1}位${inner ? FIELD_LABELS[inner] ?? inner : ''}` : label
    return where && !issue.message.includes(where) ? `${where}：${issue.message}` : issue.message
  }).join('；')
}

/** The format of a file: by its extension, else JSON lines when the first character is `{`. */
function isJsonLines(path: string, firstLine: string): boolean {
  if (/\.(?:jsonl|ndjson|json)$/i.test(path))
    return true
  if (/\.csv$/i.test(path))
    return false
  return firstLine.replace(/^\uFEFF/, '').trimStart().startsWith('{')
}

async function firstLineOf(path: string): Promise<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8', end: 4095 }), crlfDelay: Infinity })
  for await (const line of lines) {
    lines.close()
    return line
  }
  return ''
}

/** Each data line of the file with its line number, as an object to validate. */
async function* rowsOf(path: string): AsyncGenerator<{ line: number, value: unknown } | { line: number, problem: string }> {
  if (isJsonLines(path, await firstLineOf(path))) {
    let line = 0
    for await (const text of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) {
      line++
      const body = line === 1 ? text.replace(/^\uFEFF/, '') : text
      if (body.trim() === '')
        continue
      try {
        yield { line, value: JSON.parse(body) as unknown }
      }
      catch {
        yield { line, problem: '不是有效的 JSON（每行应为一个 {…} 对象）' }
      }
    }
    return
  }
  const parser = createReadStream(path).pipe(parse({
    bom: true,
    columns: headings => headings.map(columnName),
    skip_empty_lines: true,
    trim: true,
    info: true,
    relax_column_count: true,
  }))
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>, info: { lines: number } }>)
    yield { line: info.lines, value: recordFromCsv(record) }
}

/**
 * Reads a registry file (JSON lines or CSV with a header row, UTF-8 with or without BOM) and
 * validates every line against the record schema. Nothing is written here: the caller imports
 * only a file without problems. A 身份证号码 + 参保地 + 险种 twice in one file is a problem too.
 */
export async function readRegistryFile(path: string, onProgress?: (lines: number) => void): Promise<RegistryFile> {
  const records: InsuredRecord[] = []
  const problems: RegistryFileProblem[] = []
  const seen = new Map<string, number>()
  let lines = 0
  for await (const row of rowsOf(path)) {
    lines++
    if (onProgress && lines % 10_000 === 0)
      onProgress(lines)
    if ('problem' in row) {
      problems.push({ line: row.line, message: row.problem })
      continue
    }
    const parsed = insuredRecordSchema.safeParse(row.value)
    if (!parsed.success) {
      problems.push({ line: row.line, message: describeIssues(parsed.error) })
      continue
    }
    const key = `${parsed.data.idNumber}|${parsed.data.insuredRegion}|${parsed.data.insuranceType}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push({ line: row.line, message: `与第${earlier}行的身份证号码、参保地和险种相同，同一参保关系只能出现一次` })
      continue
    }
    seen.set(key, row.line)
    records.push(parsed.data)
  }
  return { records, problems, lines }
}
