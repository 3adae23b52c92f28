/**
 * `npm run registry -- import FILE`: loads the insured registry (参保登记) from the 参保地
 * agency's export, JSON lines or CSV (UTF-8, with or without BOM). Every bad line is listed with
 * its line number and nothing is imported until the file is clean; a clean file goes in as one
 * transaction, replacing records with the same 身份证号码 + 参保地 + 险种.
 */
import { runImportCommand } from './importCommand.ts'
import { importRegistry } from '../registry/importRegistry.ts'
import { readRegistryFile } from '../registry/readRegistryFile.ts'

const USAGE = `用法：
  npm run registry -- import <文件.csv|文件.jsonl>

CSV 首行为列名（字段名或中文列名）：身份证号码,姓名,性别,参保地,险种,人员类别依据,手机号码,家庭成员,待遇状态,状态起始日期,状态原因,参保开始日期,参保终止日期
  手机号码以 ; 分隔；家庭成员写作 身份证号码:关系:姓名，以 ; 分隔（关系：spouse parent child sibling grandparent grandchild other_relative）
  待遇状态：正常、暂停或冻结（暂停、冻结须写明起始日期和原因）
JSON lines 每行一个对象，字段同上（phones、family 为数组）。`

await runImportCommand({
  usage: USAGE,
  read: readRegistryFile,
  write: (store, records, onProgress) => importRegistry(store, records, { onProgress }),
  done: (file, seconds) => `已导入 ${file.records.length} 条参保登记（${file.lines} 行，${seconds.toFixed(1)} 秒）；身份证号码、参保地和险种相同的原有记录已更新。`,
})
