import type { z } from 'zod/v4'
import { type CsvColumns, fileRows } from './fileRows.ts'

/** A line that cannot be imported, with the reason in words a clerk understands. */
export interface FileProblem {
  line: number
  message: string
}

export interface RecordFile<T> {
  records: T[]
  problems: FileProblem[]
  /** Data lines read (the CSV header not counted). */
  lines: number
}

/** What one kind of import file holds: its schema, its CSV columns, its key and its words. */
export interface RecordFormat<T> extends CsvColumns {
  schema: z.ZodType<T, unknown>
  /** The schema's issues of one line as one sentence, naming fields by their Chinese headings. */
  describeIssues: (error: z.ZodError) => string
  /** What makes a record the same as another: the import replaces a record with the same key. */
  keyOf: (record: T) => string
  /** Why a line with the key of an earlier line is refused. */
  duplicate: (earlierLine: number) => string
}

/**
 * Reads an import file and validates every line against the format's schema. Nothing is written
 * here: the caller imports only a file without problems. A key twice in one file is a problem.
 */
export async function readRecordFile<T>(path: string, format: RecordFormat<T>, onProgress?: (lines: number) => void): Promise<RecordFile<T>> {
  const records: T[] = []
  const problems: FileProblem[] = []
  const seen = new Map<string, number>()
  let lines = 0
  for await (const row of fileRows(path, format)) {
    lines++
    if (onProgress && lines % 10_000 === 0)
      onProgress(lines)
    if ('problem' in row) {
      problems.push({ line: row.line, message: row.problem })
      continue
    }
    const parsed = format.schema.safeParse(row.value)
    if (!parsed.success) {
      problems.push({ line: row.line, message: format.describeIssues(parsed.error) })
      continue
    }
    const key = format.keyOf(parsed.data)
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push({ line: row.line, message: format.duplicate(earlier) })
      continue
    }
    seen.set(key, row.line)
    records.push(parsed.data)
  }
  return { records, problems, lines }
}

/** Issues as `字段：原因；…`, each field by its label unless the message names it already. */
export function labelledIssues(error: z.ZodError, labelOf: (path: readonly PropertyKey[]) => string): string {
  return error.issues.map((issue) => {
    const where = labelOf(issue.path)
    return where && !issue.message.includes(where) ? `${where}：${issue.message}` : issue.message
  }).join('；')
}
