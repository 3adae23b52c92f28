import { BINGTUAN_CODE, cityOf, isProvinceCode, isRegionCodeFormat, mayFileProvinceLevel, MUNICIPALITY_CODES, provinceOf } from './codes'
import { CITY_NAMES, PROVINCE_NAMES } from './regionNames'

/**
 * The GB/T 2260 provinces and prefecture-level cities of `@vant/area-data` (as `regionNames.ts`
 * copies them), plus 新疆生产建设
 * 兵团. 台湾, 香港 and 澳门 are left out: they are outside the basic medical insurance 异地就医
 * network. Indexes are built on first use only.
 */

export interface Region {
  code: string
  name: string
}

interface Catalogue {
  provinces: Region[]
  citiesByProvince: Map<string, Region[]>
  names: Map<string, string>
}

const OUTSIDE_NETWORK = ['71', '81', '82']
let catalogue: Catalogue | undefined

function load(): Catalogue {
  if (catalogue)
    return catalogue
  const names = new Map<string, string>()
  const provinces: Region[] = []
  const citiesByProvince = new Map<string, Region[]>()
  for (const [code, name] of Object.entries(PROVINCE_NAMES)) {
    if (OUTSIDE_NETWORK.includes(code.slice(0, 2)))
      continue
    provinces.push({ code, name })
    citiesByProvince.set(code, [])
    names.set(code, name)
  }
  provinces.push({ code: BINGTUAN_CODE, name: '新疆生产建设兵团' })
  citiesByProvince.set(BINGTUAN_CODE, [])
  names.set(BINGTUAN_CODE, '新疆生产建设兵团')
  for (const [code, name] of Object.entries(CITY_NAMES)) {
    const cities = citiesByProvince.get(provinceOf(code))
    if (!cities)
      continue
    cities.push({ code, name })
    names.set(code, name)
  }
  catalogue = { provinces, citiesByProvince, names }
  return catalogue
}

/** All provinces (with 兵团), in code order. */
export function listProvinces(): readonly Region[] {
  return load().provinces
}

/** Prefecture-level cities of a province (empty for 兵团 and unknown codes). */
export function citiesOf(provinceCode: string): readonly Region[] {
  return load().citiesByProvince.get(provinceCode) ?? []
}

/** True when the code is a known province or prefecture-level city. */
export function isKnownRegion(code: string): boolean {
  return load().names.has(code)
}

/** zh-CN name of a province or city (`530100` → `昆明市`; a county resolves to its city). */
export function regionName(code: string): string | undefined {
  const names = load().names
  return names.get(code) ?? names.get(cityOf(code))
}

/** `云南省昆明市`; a province, or any code of a 直辖市, gives the province name alone. */
export function fullRegionName(code: string): string | undefined {
  const names = load().names
  const province = names.get(provinceOf(code))
  if (!province)
    return undefined
  if (isProvinceCode(code) || MUNICIPALITY_CODES.includes(provinceOf(code)))
    return province
  const city = names.get(cityOf(code))
  return city ? `${province}${city}` : undefined
}

export type DestinationErrorCode = 'destination_format' | 'destination_unknown' | 'destination_province_not_allowed'

export const DESTINATION_MESSAGES: Readonly<Record<DestinationErrorCode, string>> = {
  destination_format: '就医地应为6位行政区划代码',
  destination_unknown: '没有这个就医地，请从列表中选择省和市',
  destination_province_not_allowed: '该省须备案到地市，只有北京、天津、上海、重庆、海南、西藏和新疆生产建设兵团可备案到全省',
}

/**
 * A destination is a known prefecture-level city, or a whole province where that is allowed
 * (Yunnan 第十一条, Chongqing 第九条, Jilin 第十二条).
 */
export function checkDestination(code: string): { ok: true } | { ok: false, code: DestinationErrorCode, message: string } {
  if (!isRegionCodeFormat(code))
    return { ok: false, code: 'destination_format', message: DESTINATION_MESSAGES.destination_format }
  if (!isKnownRegion(code))
    return { ok: false, code: 'destination_unknown', message: DESTINATION_MESSAGES.destination_unknown }
  if (isProvinceCode(code) && !mayFileProvinceLevel(code))
    return { ok: false, code: 'destination_province_not_allowed', message: DESTINATION_MESSAGES.destination_province_not_allowed }
  return { ok: true }
}
