/**
 * `npm run hospitals -- import FILE`: loads the 定点医疗机构 directory of a 就医地 from the
 * agency's list, JSON lines or CSV (UTF-8, with or without BOM), by the registry's import rules:
 * every bad line is listed and nothing goes in until the file is clean; a hospital with the same
 * 医疗机构代码 is replaced.
 */
import { importHospitals } from '../hospitals/importHospitals.ts'
import { readHospitalFile } from '../hospitals/readHospitalFile.ts'
import { runImportCommand } from './importCommand.ts'

const USAGE = `用法：
  npm run hospitals -- import <文件.csv|文件.jsonl>

CSV 首行为列名（字段名或中文列名）：医疗机构代码,医疗机构名称,就医地,医院等级,地址,联系电话,住院联网,普通门诊联网,门诊慢特病联网,转诊资格
  医疗机构代码：H 加11位数字（国家医保定点医疗机构代码），其中的行政区划须属于就医地
  就医地：6位统筹区代码，例如 530100；医院等级：一级、二级或三级
  住院联网、普通门诊联网、门诊慢特病联网、转诊资格：是或否（留空为否）
JSON lines 每行一个对象，字段 code name city level(primary|secondary|tertiary) address phone inpatient outpatient chronic canRefer（true/false）。`

await runImportCommand({
  usage: USAGE,
  read: readHospitalFile,
  write: (store, hospitals, onProgress) => importHospitals(store, hospitals, { onProgress }),
  done: (file, seconds) => `已导入 ${file.records.length} 家定点医疗机构（${file.lines} 行，${seconds.toFixed(1)} 秒）；医疗机构代码相同的原有记录已更新。`,
})
