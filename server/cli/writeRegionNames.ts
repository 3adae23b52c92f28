/**
 * `npm run regions`: writes `src/domain/regions/regionNames.ts`, the province and prefecture-level
 * city names of `@vant/area-data`. The app names regions only down to the city, and importing the
 * package would also ship its 3,479 counties (about 25 KB gzipped) to every screen that shows a
 * 就医地. A unit test fails when the table and the package disagree.
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { areaList } from '@vant/area-data'

const target = resolve(import.meta.dirname, '../../src/domain/regions/regionNames.ts')
const table = (names: Record<string, string>) => `{\n${Object.entries(names).map(([code, name]) => `  '${code}': '${name}',`).join('\n')}\n}`

writeFileSync(target, `// Written by \`npm run regions\` from @vant/area-data; do not edit by hand.

/** GB/T 2260 provinces (and their equivalents) by 6-digit code. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = ${table(areaList.province_list)}

/** GB/T 2260 prefecture-level cities by 6-digit code. */
export const CITY_NAMES: Readonly<Record<string, string>> = ${table(areaList.city_list)}
`)
console.log(`wrote ${target}`)
