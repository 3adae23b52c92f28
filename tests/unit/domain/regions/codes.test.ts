import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cityOf, destinationCovers, destinationsOverlap, isProvinceCode, mayFileProvinceLevel, normalizeDestination, provinceOf } from '../../../../src/domain/regions/codes'

describe('division codes', () => {
  it('finds the province and city of a code', () => {
    expect(provinceOf('530102')).toBe('530000')
    expect(cityOf('530102')).toBe('530100')
    expect(cityOf('530000')).toBe('530000')
    expect(isProvinceCode('530000')).toBe(true)
    expect(isProvinceCode('530100')).toBe(false)
    expect(isProvinceCode('53000')).toBe(false)
  })

  it.each([
    ['110000', '北京'], ['120000', '天津'], ['310000', '上海'], ['500000', '重庆'],
    ['460000', '海南'], ['540000', '西藏'], ['660000', '新疆生产建设兵团'],
  ])('allows a province-level filing to %s (%s) (Yunnan 第十一条, Chongqing 第九条, Jilin 第十二条)', (code) => {
    expect(mayFileProvinceLevel(code)).toBe(true)
  })

  it.each(['530000', '440000', '650000'])('requires a city for %s', (code) => {
    expect(mayFileProvinceLevel(code)).toBe(false)
  })

  it('treats any code of a 直辖市 as the whole municipality', () => {
    expect(normalizeDestination('500100')).toBe('500000')
    expect(normalizeDestination('500235')).toBe('500000')
    expect(normalizeDestination('530102')).toBe('530100')
  })

  it.each([
    ['530100', '530102', true, 'a city covers its districts'],
    ['530100', '530300', false, 'a city does not cover another city'],
    ['460000', '460200', true, 'a Hainan province-level filing covers 三亚'],
    ['500000', '500200', true, 'Chongqing covers its counties'],
    ['500100', '500200', true, 'a Chongqing city code still means all of Chongqing'],
    ['110000', '120100', false, 'Beijing does not cover Tianjin'],
    ['660000', '660100', true, '兵团 covers its divisions'],
    ['5301', '530100', false, 'a malformed destination covers nothing'],
  ])('destinationCovers(%s, %s) = %s: %s', (destination, hospital, expected) => {
    expect(destinationCovers(destination, hospital)).toBe(expected)
  })

  it('knows overlapping destinations in both directions', () => {
    expect(destinationsOverlap('460000', '460100')).toBe(true)
    expect(destinationsOverlap('460100', '460000')).toBe(true)
    expect(destinationsOverlap('460100', '460200')).toBe(false)
  })

  it('property: a city destination always covers its own counties and never another province', () => {
    fc.assert(fc.property(fc.integer({ min: 13, max: 65 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 99 }), (p, c, d) => {
      const city = `${p}${String(c).padStart(2, '0')}00`
      const county = `${p}${String(c).padStart(2, '0')}${String(d).padStart(2, '0')}`
      expect(destinationCovers(city, county)).toBe(true)
      expect(destinationCovers(city, `${p === 65 ? 64 : p + 1}0100`)).toBe(false)
    }))
  })
})
