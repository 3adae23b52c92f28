import type { Kysely } from 'kysely'
import { destinationCovers } from '../../src/domain/regions/codes.ts'
import type { FilingCreatePayload } from '../../src/domain/schemas/filing.ts'
import { hospitalByCode } from '../hospitals/repository.ts'
import type { Database } from '../store/index.ts'
import { type Refusal, refusal } from '../../src/domain/refusal.ts'

/** What the server puts in place of the payload's referrer: nothing, or the directory's name and code. */
type Referral = Partial<Pick<FilingCreatePayload, 'referringHospital' | 'referringHospitalCode'>>

/**
 * A referral's hospital chosen from the directory by its 医疗机构代码 (湛江 二(六) pays the named
 * ones at the local rate, so the code decides money): the server names it from its own
 * directory, and refuses a code that is not a hospital of the 参保地 that may refer. A name typed
 * without a code is kept as written (nothing to change) and never matches a named hospital.
 */
export async function checkReferringHospital(db: Kysely<Database>, payload: FilingCreatePayload): Promise<Referral | { reject: Refusal }> {
  if (payload.referringHospitalCode === undefined)
    return {}
  const hospital = await hospitalByCode(db, payload.referringHospitalCode)
  if (!hospital || !destinationCovers(payload.insuredRegion, hospital.city))
    return { reject: refusal('referring_hospital_unknown', '所选转诊医院不在参保地的定点医疗机构目录中，请重新选择，或选“其他医院”填写医院名称', 'referringHospital') }
  if (!hospital.canRefer)
    return { reject: refusal('referring_hospital_cannot_refer', `${hospital.name}不具备转诊资格，请选择开具转诊转院证明的医院`, 'referringHospital') }
  return { referringHospital: hospital.name, referringHospitalCode: hospital.code }
}
