/**
 * `npm run registry -- import FILE`: loads the insured registry (参保登记) from the 参保地
 * agency's export, JSON lines or CSV (UTF-8, with or without BOM). Every bad line is listed with
 * its line number and nothing is imported until the file is clean; a clean file goes in as one
 * transaction, replacing records with the same 身份证号码 + 参保地 + 险种.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadEnv } from '../env.ts'
import { importRegistry } from '../registry/importRegistry.ts'
import { readRegistryFile } from '../registry/readRegistryFile.ts'
import { openStore } from '../store/index.ts'

const USAGE = `用法：
  npm run registry -- import <文件.csv|文件.jsonl>

CSV 首行为列名（字段名或中文列名）：身份证号码,姓名,性别,参保地,险种,人员类别依据,手机号码,家庭成员,待遇状态,状态起始日期,状态原因,参保开始日期,参保终止日期
  手机号码以 ; 分隔；家庭成员写作 身份证号码:关系:姓名，以 ; 分隔（关系：spouse parent child sibling grandparent grandchild other_relative）
  待遇状态：正常、暂停或冻结（暂停、冻结须写明起始日期和原因）
JSON lines 每行一个对象，字段同上（phones、family 为数组）。`

const SHOWN_PROBLEMS = 200

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`)
  process.exit(2)
}

const { positionals } = parseArgs({ allowPositionals: true, options: {} })
const [command, file] = positionals
if (command !== 'import')
  fail(command ? `未知命令：${command}` : '缺少命令')
if (!file)
  fail('缺少要导入的文件')

const started = performance.now()
const parsed = await readRegistryFile(file, lines => process.stderr.write(`已读取 ${lines} 行…\n`)).catch((error: unknown) => {
  fail(`无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`)
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
  await importRegistry(store, parsed.records, {
    onProgress: written => parsed.records.length > 10_000 && process.stderr.write(`已写入 ${written} / ${parsed.records.length} 条…\n`),
  })
  const seconds = (performance.now() - started) / 1000
  console.log(`已导入 ${parsed.records.length} 条参保登记（${parsed.lines} 行，${seconds.toFixed(1)} 秒）；身份证号码、参保地和险种相同的原有记录已更新。`)
}
finally {
  await store.close()
}
