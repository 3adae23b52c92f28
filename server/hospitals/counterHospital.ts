import type { Kysely } from 'kysely'
import type { HospitalLevel } from '../../src/domain/policy/types.ts'
import type { Database } from '../store/index.ts'
import { directoryKnowsCity, hospitalByCode } from './repository.ts'

/**
 * Why a counter account may not be given this hospital, or undefined when it may: once the
 * directory lists any hospital of the city, the counter's 医疗机构代码 must be one of them, so
 * settlements and audits name a hospital the directory knows. A city not imported yet is open.
 */
export async function counterHospitalRefusal(db: Kysely<Database>, hospitalCode: string, cityCode: string): Promise<string | undefined> {
  if (!(await directoryKnowsCity(db, cityCode)))
    return undefined
  const hospital = await hospitalByCode(db, hospitalCode.trim().toUpperCase())
  if (hospital?.city === cityCode)
    return undefined
  return hospital
    ? `医疗机构代码 ${hospitalCode} 属于就医地 ${hospital.city}（${hospital.name}），不属于 ${cityCode}`
    : `医疗机构代码 ${hospitalCode} 不在就医地 ${cityCode} 的定点医疗机构目录中：请核对代码，或先用 npm run hospitals -- import 导入该医院`
}

/**
 * The counter's hospital level (医院等级) for settling: the directory's, where it lists the
 * counter's own 医疗机构代码, since the ratio depends on it and the server decides with its own
 * records; the level typed at the counter only where the directory does not know the hospital.
 */
export async function counterHospitalLevel(db: Kysely<Database>, hospitalCode: string, typed: HospitalLevel): Promise<HospitalLevel> {
  return (await hospitalByCode(db, hospitalCode))?.level ?? typed
}
