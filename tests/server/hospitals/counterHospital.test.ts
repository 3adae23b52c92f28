import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureFirstStaffAccount } from '../../../server/auth/staffAccounts.ts'
import { counterHospitalRefusal } from '../../../server/hospitals/counterHospital.ts'
import { firstHospitalOf } from '../../../server/hospitals/repository.ts'
import { seedSampleHospitals } from '../../../server/hospitals/sampleHospitals.ts'
import { openStore, type Store } from '../../../server/store/index.ts'
import { describeEachStore } from '../support/stores.ts'

describeEachStore('a counter\'s hospital and the directory', ({ openTestStore }) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
    await seedSampleHospitals(store.db)
  })
  afterAll(() => store.close())

  it('must be a hospital of the directory once it knows the city', async () => {
    expect(await counterHospitalRefusal(store.db, 'H53010200001', '530100')).toBeUndefined()
    expect(await counterHospitalRefusal(store.db, 'H53010299999', '530100')).toContain('不在就医地 530100 的定点医疗机构目录中')
    expect(await counterHospitalRefusal(store.db, 'H44080300001', '530100')).toContain('属于就医地 440800（湛江中心人民医院），不属于 530100')
  })

  it('the first counter account of a start is at a hospital of the directory when it lists the city', async () => {
    await ensureFirstStaffAccount(store.db, '530100', await firstHospitalOf(store.db, '530100'))
    const account = await store.db.selectFrom('staff_accounts').select(['hospital_code', 'hospital_name']).where('username', '=', 'counter1').executeTakeFirstOrThrow()
    expect(account).toEqual({ hospital_code: 'H53010200001', hospital_name: '昆明市第一人民医院（示例）' })
    expect(await counterHospitalRefusal(store.db, account.hospital_code, '530100')).toBeUndefined()
  })

  it('is free in a city the directory does not list yet', async () => {
    expect(await counterHospitalRefusal(store.db, 'H0001', '650100')).toBeUndefined()
  })
})

describe('npm run staff -- add', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'yidi-staff-directory-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('refuses a hospital code the city\'s directory does not list, and creates no account', async () => {
    const store = await openStore({ sqliteFile: join(dataDir, 'yidi.sqlite') })
    await seedSampleHospitals(store.db)
    await store.close()
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/staff.ts', 'add', '--username', 'km_unknown', '--hospital-code', 'H53010299999', '--hospital-name', '某医院', '--city', '530100'], {
      cwd: resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, YIDI_DATA_DIR: dataDir, DATABASE_URL: '' },
    })
    const failure = await run.then(() => undefined, (error: { code: number, stderr: string }) => error)
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toContain('不在就医地 530100 的定点医疗机构目录中')
    const after = await openStore({ sqliteFile: join(dataDir, 'yidi.sqlite') })
    expect(await after.db.selectFrom('staff_accounts').select('username').where('username', '=', 'km_unknown').execute()).toEqual([])
    await after.close()
  }, 30_000)
})
