import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importHospitals } from '../../../server/hospitals/importHospitals.ts'
import { readHospitalFile } from '../../../server/hospitals/readHospitalFile.ts'
import { hospitalByCode, searchHospitals } from '../../../server/hospitals/repository.ts'
import type { Store } from '../../../server/store/index.ts'
import { hospitalSearchSchema } from '../../../src/domain/schemas/hospital.ts'
import { describeEachStore } from '../support/stores.ts'

const dir = mkdtempSync(join(tmpdir(), 'yidi-hospital-import-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const HEADER = '医疗机构代码,医疗机构名称,就医地,医院等级,地址,联系电话,住院联网,普通门诊联网,门诊慢特病联网,转诊资格'
const FIRST = 'H53010200101,昆明市测试医院,530100,三级,昆明市测试路1号,0871-61111111,是,是,否,是'
const SECOND = 'H53010300102,昆明市测试门诊部,530100,一级,昆明市测试路2号,,否,是,是,否'

describe('reading a directory file', () => {
  it('reads CSV with a BOM and Chinese headings: 三级 and 是/否 as codes, an empty phone absent', async () => {
    const file = await readHospitalFile(write('ok.csv', `\uFEFF${HEADER}\r\n${FIRST}\r\n${SECOND}\r\n`))
    expect(file.problems).toEqual([])
    expect(file.records).toEqual([
      { code: 'H53010200101', name: '昆明市测试医院', city: '530100', level: 'tertiary', address: '昆明市测试路1号', phone: '0871-61111111', inpatient: true, outpatient: true, chronic: false, canRefer: true, sample: false },
      expect.objectContaining({ code: 'H53010300102', level: 'primary', phone: null, inpatient: false, chronic: true }),
    ])
  })

  it('reads JSON lines with a BOM', async () => {
    const line = JSON.stringify({ code: 'h22010200001', name: '长春测试医院', city: '220100', level: 'secondary', address: '长春市', inpatient: true })
    const file = await readHospitalFile(write('ok.jsonl', `\uFEFF${line}\n\n`))
    expect(file.problems).toEqual([])
    expect(file.records[0]).toMatchObject({ code: 'H22010200001', inpatient: true, outpatient: false })
  })

  it('reports every bad line by its number with a reason a person understands', async () => {
    const lines = [
      FIRST,
      'H5301,短代码医院,530100,三级,某路,,是,是,是,否',
      'H22010200001,外市代码医院,530100,二级,某路,,是,是,是,否',
      'H53010200103,等级不明医院,530100,特级,某路,,是,是,是,否',
      'H53010200104,联网不明医院,530100,二级,某路,,也许,是,是,否',
      'H53010200101,重复的医院,530100,二级,某路,,是,是,是,否',
    ]
    const { problems, records } = await readHospitalFile(write('bad.csv', `${HEADER}\n${lines.join('\n')}\n`))
    expect(problems).toEqual([
      { line: 3, message: '医疗机构代码应为 H 加11位数字，例如 H53010200001' },
      { line: 4, message: '医疗机构代码中的行政区划不属于所填就医地' },
      { line: 5, message: expect.stringContaining('医院等级应为') },
      { line: 6, message: '住院联网应为“是”或“否”' },
      { line: 7, message: '与第2行的医疗机构代码相同，同一医疗机构只能出现一次' },
    ])
    expect(records).toHaveLength(1)
  })
})

describe('npm run hospitals -- import', () => {
  it('imports nothing from a file with a bad line, and says which line and why', async () => {
    const path = write('cli-bad.csv', `${HEADER}\n${FIRST}\n${SECOND.replace('530100', '53010')}\n`)
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/hospitals.ts', 'import', path], {
      cwd: resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, YIDI_DATA_DIR: join(dir, 'cli-data'), DATABASE_URL: '' },
    })
    const failure = await run.then(() => undefined, (error: { code: number, stderr: string }) => error)
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toContain('第3行：就医地应为6位行政区划代码')
    expect(failure?.stderr).toContain('未导入任何记录')
  }, 30_000)
})

describeEachStore('importing the directory', ({ openTestStore }) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  const kunming = (query: Record<string, string> = {}) => searchHospitals(store.db, hospitalSearchSchema.parse({ city: '530100', ...query }))

  it('is idempotent by 医疗机构代码: the same file twice lists each hospital once', async () => {
    const { records } = await readHospitalFile(write('twice.csv', `${HEADER}\n${FIRST}\n${SECOND}\n`))
    await importHospitals(store, records)
    await importHospitals(store, records)
    expect((await kunming()).hospitals.map(hospital => hospital.code)).toEqual(['H53010200101', 'H53010300102'])
  })

  it('a later file changes a hospital\'s 联网 in place', async () => {
    const { records } = await readHospitalFile(write('later.csv', `${HEADER}\n${FIRST.replace(',是,是,否,是', ',是,是,是,是')}\n`))
    await importHospitals(store, records)
    expect(await hospitalByCode(store.db, 'H53010200101')).toMatchObject({ chronic: true })
    expect((await kunming({ services: 'chronic' })).total).toBe(2)
  })

  it('writes all or nothing: a failure part-way leaves the directory as it was', async () => {
    const good = (await readHospitalFile(write('partial.csv', `${HEADER}\n${FIRST.replace('H53010200101', 'H53010200109')}\n`))).records
    await expect(importHospitals(store, [...good, { ...good[0]!, code: 'H53010200110', name: null as unknown as string }])).rejects.toThrow()
    expect(await hospitalByCode(store.db, 'H53010200109')).toBeUndefined()
  })
})
