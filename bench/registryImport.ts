/**
 * `npm run bench:registry`: `npm run registry -- import` on a generated file of 100,000 lines
 * (CSV, and JSON lines), read, validated and written to a fresh SQLite file in one transaction.
 * Prints lines per second for each phase; never fails on time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importRegistry } from '../server/registry/importRegistry.ts'
import { readRegistryFile } from '../server/registry/readRegistryFile.ts'
import { openStore } from '../server/store/index.ts'
import { generateIdNumber } from '../src/domain/identity/idNumberGenerator.ts'

const LINES = Number(process.env.BENCH_LINES ?? 100_000)
const CITIES = ['530100', '500100', '130100', '440800', '220100']
const workDir = mkdtempSync(join(tmpdir(), 'yidi-bench-registry-'))

/** The n-th fictional person: distinct 身份证号码 from birth date and sequence. */
function someone(n: number) {
  const sex = n % 2 === 0 ? 'male' : 'female'
  const day = Math.floor(n / 1000)
  const birthDate = new Date(Date.UTC(1940, 0, 1 + day)).toISOString().slice(0, 10)
  const idNumber = generateIdNumber({ regionCode: '530102', birthDate, sequence: n % 1000, sex })
  return { idNumber, name: `参保人${n}`, sex, insuredRegion: CITIES[n % CITIES.length]!, phone: `139${String(n).padStart(8, '0')}` }
}

const HEADER = 'idNumber,name,sex,insuredRegion,insuranceType,phones,family,benefitStatus,statusSince,statusReason,validFrom'
const people = Array.from({ length: LINES }, (_, n) => someone(n))
const csv = people.map((who, n) => {
  const family = n > 0 ? `${people[n - 1]!.idNumber}:spouse:${people[n - 1]!.name}` : ''
  const status = n % 50 === 0 ? 'frozen,2026-10-01,单位欠缴医疗保险费' : 'normal,,'
  return `${who.idNumber},${who.name},${who.sex},${who.insuredRegion},employee,${who.phone},${family},${status},2000-01-01`
})
const csvFile = join(workDir, 'registry.csv')
writeFileSync(csvFile, `\uFEFF${HEADER}\n${csv.join('\n')}\n`)
const jsonFile = join(workDir, 'registry.jsonl')
writeFileSync(jsonFile, people.map(who => JSON.stringify({ ...who, insuranceType: 'resident', phones: [who.phone], validFrom: '2000-01-01' })).join('\n'))

const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en')

try {
  for (const [label, file] of [['CSV', csvFile], ['JSON lines', jsonFile]] as const) {
    const store = await openStore({ sqliteFile: join(workDir, `${label.replace(' ', '')}.sqlite`) })
    let started = performance.now()
    const parsed = await readRegistryFile(file)
    const readMs = performance.now() - started
    if (parsed.problems.length > 0)
      throw new Error(`generated file has problems: ${JSON.stringify(parsed.problems.slice(0, 3))}`)
    started = performance.now()
    await importRegistry(store, parsed.records)
    const writeMs = performance.now() - started
    // Again: every line now replaces a record (the idempotent path).
    started = performance.now()
    await importRegistry(store, parsed.records)
    const againMs = performance.now() - started
    await store.close()
    console.log(`${label}, ${LINES.toLocaleString('en')} lines on SQLite: read + validate ${(readMs / 1000).toFixed(2)} s (${perSecond(LINES, readMs)} lines/s), write ${(writeMs / 1000).toFixed(2)} s (${perSecond(LINES, writeMs)} lines/s), re-import ${(againMs / 1000).toFixed(2)} s; whole import ${perSecond(LINES, readMs + writeMs)} lines/s`)
  }
}
finally {
  rmSync(workDir, { recursive: true, force: true })
}
