import { areaList } from '@vant/area-data'
import { describe, expect, it } from 'vitest'
import { CITY_NAMES, PROVINCE_NAMES } from '../../../../src/domain/regions/regionNames'
import { checkDestination, citiesOf, fullRegionName, isKnownRegion, listProvinces, regionName } from '../../../../src/domain/regions/catalogue'

describe('region catalogue (GB/T 2260 via @vant/area-data)', () => {
  it('names every province and city exactly as @vant/area-data does (else run `npm run regions`)', () => {
    expect(PROVINCE_NAMES).toEqual(areaList.province_list)
    expect(CITY_NAMES).toEqual(areaList.city_list)
  })

  it('lists mainland provinces with 兵团 and without 台湾, 香港, 澳门', () => {
    const codes = listProvinces().map(p => p.code)
    expect(codes).toContain('530000')
    expect(codes).toContain('660000')
    expect(codes).not.toContain('710000')
    expect(codes).not.toContain('810000')
    expect(codes).toHaveLength(32)
  })

  it('lists the prefecture-level cities of a province', () => {
    expect(citiesOf('440000').map(c => c.name)).toContain('湛江市')
    expect(citiesOf('660000')).toEqual([])
    expect(citiesOf('990000')).toEqual([])
  })

  it('names provinces, cities and counties', () => {
    expect(regionName('530000')).toBe('云南省')
    expect(regionName('440800')).toBe('湛江市')
    expect(regionName('440802')).toBe('湛江市')
    expect(regionName('660000')).toBe('新疆生产建设兵团')
    expect(regionName('990000')).toBeUndefined()
    expect(isKnownRegion('440800')).toBe(true)
    expect(isKnownRegion('440899')).toBe(false)
  })

  it('gives full names, with a 直辖市 named once', () => {
    expect(fullRegionName('440800')).toBe('广东省湛江市')
    expect(fullRegionName('500100')).toBe('重庆市')
    expect(fullRegionName('220000')).toBe('吉林省')
    expect(fullRegionName('449900')).toBeUndefined()
    expect(fullRegionName('990100')).toBeUndefined()
  })

  it.each([
    ['440800', true, undefined],
    ['460000', true, undefined],
    ['660000', true, undefined],
    ['530000', false, 'destination_province_not_allowed'],
    ['449900', false, 'destination_unknown'],
    ['4408', false, 'destination_format'],
  ])('checkDestination(%s) → ok %s %s (Yunnan 第十一条)', (code, ok, errorCode) => {
    const result = checkDestination(code)
    expect(result.ok).toBe(ok)
    if (!result.ok)
      expect(result.code).toBe(errorCode)
  })
})
