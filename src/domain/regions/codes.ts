/**
 * GB/T 2260 division codes as 6-digit strings, by arithmetic only (no data table), so the
 * filing rules and the server can use them without loading the region catalogue.
 * Province `PP0000`, prefecture-level city `PPCC00`, county `PPCCXX`.
 */

/** 新疆生产建设兵团: insurance code used by the national 异地就医 system. */
export const BINGTUAN_CODE = '660000'

/** 直辖市 (北京, 天津, 上海, 重庆): a city code and the province code mean the same place. */
export const MUNICIPALITY_CODES: readonly string[] = ['110000', '120000', '310000', '500000']

/**
 * Destinations that may be filed at province level: the province-level pools 北京, 天津, 上海,
 * 重庆, 海南, 西藏 and 新疆生产建设兵团 (Yunnan 第十一条, Chongqing 第九条, Jilin 第十二条).
 */
export const PROVINCE_LEVEL_DESTINATIONS: readonly string[] = [
  '110000', '120000', '310000', '500000', '460000', '540000', BINGTUAN_CODE,
]

/** True for any 6-digit code. */
export function isRegionCodeFormat(code: string): boolean {
  return /^\d{6}$/.test(code)
}

/** True for a province code (`530000`). */
export function isProvinceCode(code: string): boolean {
  return isRegionCodeFormat(code) && code.endsWith('0000')
}

/** The province of any division code: `530102` → `530000`. */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`
}

/** The prefecture-level city of a county or city code: `530102` → `530100`; provinces stay. */
export function cityOf(code: string): string {
  return isProvinceCode(code) ? code : `${code.slice(0, 4)}00`
}

/** True when a filing to this destination may name the whole province. */
export function mayFileProvinceLevel(provinceCode: string): boolean {
  return PROVINCE_LEVEL_DESTINATIONS.includes(provinceCode)
}

/**
 * The place a destination really names: a 直辖市 city code means the whole municipality
 * (`500100` → `500000`); other codes are reduced to their city.
 */
export function normalizeDestination(code: string): string {
  const province = provinceOf(code)
  return MUNICIPALITY_CODES.includes(province) ? province : cityOf(code)
}

/**
 * DOMAIN §4: a filing covers every networked hospital of its destination — the city, or the
 * whole province for a province-level filing.
 */
export function destinationCovers(destinationCode: string, hospitalCityCode: string): boolean {
  if (!isRegionCodeFormat(destinationCode) || !isRegionCodeFormat(hospitalCityCode))
    return false
  const destination = normalizeDestination(destinationCode)
  if (isProvinceCode(destination))
    return provinceOf(hospitalCityCode) === destination
  return cityOf(hospitalCityCode) === destination
}

/** True when two destinations share any place (same city, or a province and one of its cities). */
export function destinationsOverlap(a: string, b: string): boolean {
  return destinationCovers(a, normalizeDestination(b)) || destinationCovers(b, normalizeDestination(a))
}
