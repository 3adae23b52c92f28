import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { parse } from 'csv-parse'

/** One data line of an import file: an object to validate, or why it could not be read. */
export type FileRow = { line: number, value: unknown } | { line: number, problem: string }

/** How a CSV file's headings and cells become the fields a record schema reads. */
export interface CsvColumns {
  /** The schema's field name of a heading (a Chinese heading or the field name itself). */
  columnName: (heading: string) => string
  /** One row, by field name, as the schema reads it (labels to codes, lists split…). */
  fromCsv: (row: Record<string, string>) => Record<string, unknown>
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

/**
 * Each data line of an import file (JSON lines, or CSV with a header row; UTF-8 with or without
 * BOM) with its line number in the file, streamed so a large file is never held as text.
 */
export async function* fileRows(path: string, csv: CsvColumns): AsyncGenerator<FileRow> {
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
    columns: headings => headings.map(csv.columnName),
    skip_empty_lines: true,
    trim: true,
    info: true,
    relax_column_count: true,
  }))
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>, info: { lines: number } }>)
    yield { line: info.lines, value: csv.fromCsv(record) }
}
