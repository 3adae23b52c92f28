import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { YidiDatabase } from '../../../src/db/database'
import { searchDirectory } from '../../../src/domain/hospitals/searchDirectory'
import { type DesignatedHospital, designatedHospitalSchema, hospitalSearchSchema, type HospitalSearchInput } from '../../../src/domain/schemas/hospital'
import { findHospitals } from '../../../src/features/directory/findHospitals'

const hospital = (code: string, name: string, extra: Partial<DesignatedHospital> = {}) =>
  designatedHospitalSchema.parse({ code, name, city: '530100', level: 'tertiary', address: '昆明市', inpatient: true, ...extra })

const FIRST = hospital('H53010200001', '昆明市第一人民医院', { chronic: true, canRefer: true })
const SECOND = hospital('H53010200002', '昆明市中医医院', { level: 'secondary' })
const THIRD = hospital('H53010200003', '昆明市社区卫生服务中心', { level: 'primary', inpatient: false, outpatient: true, chronic: true })
const ALL = [FIRST, SECOND, THIRD]

const search = (input: Partial<HospitalSearchInput> = {}) => hospitalSearchSchema.parse({ city: '530100', ...input })

/** A server that answers from `directory` as the real one does, or no network at all. */
function serve(directory: readonly DesignatedHospital[] | 'offline') {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    if (directory === 'offline')
      throw new TypeError('Failed to fetch')
    const params = Object.fromEntries(new URL(url, 'http://phone').searchParams)
    return new Response(JSON.stringify(searchDirectory(directory, search(params))), { status: 200, headers: { 'content-type': 'application/json' } })
  }))
}

describe('searching the directory on the phone', () => {
  it('matches a part of the name, the level and every 联网 service asked for, in code order', () => {
    expect(searchDirectory(ALL, search({ q: '医院' })).hospitals).toEqual([FIRST, SECOND])
    expect(searchDirectory(ALL, search({ level: 'primary' })).hospitals).toEqual([THIRD])
    expect(searchDirectory(ALL, search({ services: 'inpatient,chronic' })).hospitals).toEqual([FIRST])
    expect(searchDirectory(ALL, search({ referrals: '1' })).hospitals).toEqual([FIRST])
    expect(searchDirectory(ALL, search({ city: '220100' })).total).toBe(0)
  })
})

describe('findHospitals', () => {
  let database: YidiDatabase
  beforeEach(() => {
    database = new YidiDatabase(`directory-${crypto.randomUUID()}`)
  })
  afterEach(async () => {
    vi.unstubAllGlobals()
    await database.delete()
  })

  it('answers a search offline as it answered online, after one online view', async () => {
    serve(ALL)
    const online = await findHospitals(database, search({ q: '医院' }))
    expect(online).toMatchObject({ source: 'online', total: 2 })
    serve('offline')
    const offline = await findHospitals(database, search({ q: '医院' }))
    expect(offline).toMatchObject({ source: 'saved', total: 2, nothingSaved: false })
    expect(offline.hospitals.map(found => found.code)).toEqual(online.hospitals.map(found => found.code))
  })

  it('offline, a city never searched online says nothing is saved', async () => {
    serve('offline')
    expect(await findHospitals(database, search())).toMatchObject({ source: 'saved', total: 0, nothingSaved: true })
  })

  it('a hospital the server no longer lists stops answering offline', async () => {
    serve(ALL)
    await findHospitals(database, search())
    serve([FIRST, THIRD])
    await findHospitals(database, search())
    serve('offline')
    expect((await findHospitals(database, search())).hospitals.map(found => found.code)).toEqual([FIRST.code, THIRD.code])
  })

  it('a refusal of the server is not taken for being offline', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ detail: '就医地应为6位行政区划代码' }), { status: 400 })))
    await expect(findHospitals(database, search())).rejects.toThrow('就医地应为6位行政区划代码')
  })
})
