import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importRegistry } from '../../../server/registry/importRegistry.ts'
import { readRegistryFile } from '../../../server/registry/readRegistryFile.ts'
import { recordsOf } from '../../../server/registry/repository.ts'
import type { Store } from '../../../server/store/index.ts'
import { chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { testApp } from '../support/app.ts'
import { captureLogger } from '../support/logs.ts'
import { person, signInCounter } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

const dir = mkdtempSync(join(tmpdir(), 'yidi-registry-import-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const write = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const [wang, li, zhao] = [person(601), person(602), person(603)]
const HEADER = '身份证号码,姓名,性别,参保地,险种,人员类别依据,手机号码,家庭成员,待遇状态,状态起始日期,状态原因,参保开始日期,参保终止日期'
const sexOf = (who: { idNumber: string }) => Number(who.idNumber[16]) % 2 === 1 ? '男' : '女'
const csvLine = (who: typeof wang, extra: Partial<Record<'status' | 'since' | 'reason' | 'family' | 'type', string>> = {}) =>
  [who.idNumber, who.name, sexOf(who), '530100', extra.type ?? '职工医保', '', `${who.phone};13600000000`, extra.family ?? '', extra.status ?? '正常', extra.since ?? '', extra.reason ?? '', '2000-01-01', ''].join(',')

describe('reading a registry file', () => {
  it('reads CSV with a BOM and Chinese headings, phones and family members', async () => {
    const path = write('ok.csv', `\uFEFF${HEADER}\n${csvLine(wang, { family: `${li.idNumber}:spouse:${li.name}` })}\n${csvLine(li, { type: '城乡居民医保' })}\n`)
    const file = await readRegistryFile(path)
    expect(file.problems).toEqual([])
    expect(file.records).toHaveLength(2)
    expect(file.records[0]).toMatchObject({ idNumber: wang.idNumber, insuranceType: 'employee', phones: [wang.phone, '13600000000'], family: [{ idNumber: li.idNumber, relationship: 'spouse', name: li.name }], benefitStatus: 'normal', validTo: null })
    expect(file.records[1]).toMatchObject({ insuranceType: 'resident', family: [] })
  })

  it('reads JSON lines with a BOM', async () => {
    const line = (who: typeof wang) => JSON.stringify({ idNumber: who.idNumber, name: who.name, sex: sexOf(who) === '男' ? 'male' : 'female', insuredRegion: '220100', insuranceType: 'resident', phones: [who.phone], validFrom: '2010-01-01' })
    const file = await readRegistryFile(write('ok.jsonl', `\uFEFF${line(wang)}\n\n${line(li)}\n`))
    expect(file.problems).toEqual([])
    expect(file.records.map(record => record.insuredRegion)).toEqual(['220100', '220100'])
  })

  it('reports every bad line by its number with a reason a person understands', async () => {
    const badId = `110105194912310021,${zhao.name},女,530100,职工医保,,${zhao.phone},,正常,,,2000-01-01,`
    const frozenWithoutReason = csvLine(zhao, { status: '冻结' })
    const wrongSex = csvLine(wang).replace(`,${sexOf(wang)},`, `,${sexOf(wang) === '男' ? '女' : '男'},`)
    const path = write('bad.csv', `${HEADER}\n${csvLine(li)}\n${badId}\n${frozenWithoutReason}\n${wrongSex}\n${csvLine(li)}\n`)
    const { problems, records } = await readRegistryFile(path)
    expect(problems).toEqual([
      { line: 3, message: expect.stringContaining('身份证号码') },
      { line: 4, message: expect.stringContaining('暂停或冻结的待遇须写明起始日期和原因') },
      { line: 5, message: expect.stringContaining('性别与身份证号码不符') },
      { line: 6, message: '与第2行的身份证号码、参保地和险种相同，同一参保关系只能出现一次' },
    ])
    expect(records).toHaveLength(1)
    const json = await readRegistryFile(write('bad.jsonl', '{"idNumber": \n'))
    expect(json.problems).toEqual([{ line: 1, message: expect.stringContaining('不是有效的 JSON') }])
  })
})

describe('npm run registry -- import', () => {
  it('imports nothing from a file with a bad line, and says which line and why', async () => {
    const dataDir = join(dir, 'cli-data')
    const path = write('cli-bad.csv', `${HEADER}\n${csvLine(wang)}\n${csvLine(li).replace('530100', '53010')}\n`)
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/registry.ts', 'import', path], {
      cwd: resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, YIDI_DATA_DIR: dataDir, DATABASE_URL: '' },
    })
    const failure = await run.then(() => undefined, (error: { code: number, stderr: string }) => error)
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toContain('第3行：参保地应为6位行政区划代码')
    expect(failure?.stderr).toContain('未导入任何记录')
  }, 30_000)
})

describeEachStore('importing the registry', ({ openTestStore }) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  it('is idempotent by 身份证号码 + 参保地 + 险种: the same file twice leaves one record each', async () => {
    const path = write('twice.csv', `${HEADER}\n${csvLine(wang)}\n${csvLine(wang, { type: '城乡居民医保' })}\n`)
    const { records } = await readRegistryFile(path)
    await importRegistry(store, records)
    await importRegistry(store, records)
    expect((await recordsOf(store.db, wang.idNumber)).map(record => record.insuranceType).toSorted()).toEqual(['employee', 'resident'])
  })

  it('a change of status in a later file is seen at the next counter check (Hebei 第十九条)', async () => {
    const app = testApp({ store, logger: captureLogger().logger, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    const counter = await signInCounter(app, store, { username: 'km_import', hospitalCode: 'H53010009', hospitalName: '昆明市第九人民医院', cityCode: '530100' })
    const check = async () => (await request(app).post('/api/counter/verify').set('authorization', `Bearer ${counter}`)
      .send({ idNumber: zhao.idNumber, name: zhao.name, admissionDate: chinaDateOf(new Date()), admissionType: 'emergency' })).body.outcome as string
    await importRegistry(store, (await readRegistryFile(write('before.csv', `${HEADER}\n${csvLine(zhao)}\n`))).records)
    expect(await check()).toBe('deemed')
    await importRegistry(store, (await readRegistryFile(write('after.csv', `${HEADER}\n${csvLine(zhao, { status: '冻结', since: '2026-11-01', reason: '单位欠缴医疗保险费' })}\n`))).records)
    expect(await check()).toBe('frozen')
  })

  it('writes all or nothing: a failure part-way leaves the registry as it was', async () => {
    const who = person(604)
    const good = (await readRegistryFile(write('partial.csv', `${HEADER}\n${csvLine(who)}\n`))).records
    const broken = [...good, { ...good[0]!, idNumber: null as unknown as string, insuredRegion: '220100' }]
    await expect(importRegistry(store, broken)).rejects.toThrow()
    expect(await recordsOf(store.db, who.idNumber)).toEqual([])
  })
})
