import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadEnv } from '../env.ts'
import { openStore, type Store } from '../store/index.ts'
import type { RecordFile } from '../import/readRecordFile.ts'

const SHOWN_PROBLEMS = 200

/** What one `npm run X -- import FILE` command reads, writes and says. */
export interface ImportCommand<T> {
  usage: string
  read: (file: string, onProgress: (lines: number) => void) => Promise<RecordFile<T>>
  write: (store: Store, records: readonly T[], onProgress: (written: number) => void) => Promise<void>
  /** The closing sentence: what was imported and what an existing record became. */
  done: (file: RecordFile<T>, seconds: number) => string
}

function fail(message: string, usage: string): never {
  console.error(`${message}\n\n${usage}`)
  process.exit(2)
}

/**
 * The import command: every bad line is listed with its line number and nothing is imported
 * until the file is clean; a clean file goes in as one transaction, with progress on large files.
 */
export async function runImportCommand<T>(command: ImportCommand<T>): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} })
  const [name, file] = positionals
  if (name !== 'import')
    fail(name ? `未知命令：${name}` : '缺少命令', command.usage)
  if (!file)
    fail('缺少要导入的文件', command.usage)

  const started = performance.now()
  const parsed = await command.read(file, lines => process.stderr.write(`已读取 ${lines} 行…\n`)).catch((error: unknown) => {
    fail(`无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`, command.usage)
  })
  if (parsed.problems.length > 0) {
    for (const problem of parsed.problems.slice(0, SHOWN_PROBLEMS))
      console.error(`第${problem.line}行：${problem.message}`)
    if (parsed.problems.length > SHOWN_PROBLEMS)
      console.error(`……另有 ${parsed.problems.length - SHOWN_PROBLEMS} 行有误`)
    console.error(`${parsed.problems.length} 行有误，未导入任何记录。请改正后重新导入整个文件。`)
    process.exit(1)
  }

  const env = loadEnv()
  const store = await openStore(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { sqliteFile: join(env.YIDI_DATA_DIR, 'yidi.sqlite') })
  try {
    await command.write(store, parsed.records, written => parsed.records.length > 10_000 && process.stderr.write(`已写入 ${written} / ${parsed.records.length} 条…\n`))
    console.log(command.done(parsed, (performance.now() - started) / 1000))
  }
  finally {
    await store.close()
  }
}
