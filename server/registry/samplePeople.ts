import type { Kysely } from 'kysely'
import { generateIdNumber } from '../../src/domain/identity/idNumberGenerator.ts'
import { type InsuredRecord, insuredRecordSchema } from '../../src/domain/schemas/registry.ts'
import type { Database } from '../store/index.ts'
import { registryIsEmpty, upsertRecords } from './repository.ts'

const id = (regionCode: string, birthDate: string, sex: 'male' | 'female') => generateIdNumber({ regionCode, birthDate, sequence: 990, sex })

const YUNNAN_CHILD = { idNumber: id('530102', '1990-05-20', 'female'), name: '林小示' }

/**
 * Clearly fictional people for development, one in each seed region (DOMAIN: 云南, 重庆, 河北,
 * 湛江, 吉林), with valid check digits: the 河北 one has frozen benefits (Hebei 第十九条), the
 * 云南 one a daughter on record who may file for him (代办, Hebei 第九条).
 */
export const SAMPLE_PEOPLE: readonly InsuredRecord[] = [
  { idNumber: id('530102', '1962-03-08', 'male'), name: '林示例', sex: 'male', insuredRegion: '530100', insuranceType: 'employee', categoryBasis: '退休', phones: ['13800000001'], family: [{ ...YUNNAN_CHILD, relationship: 'child' }] },
  { ...YUNNAN_CHILD, sex: 'female', insuredRegion: '530100', insuranceType: 'resident', phones: ['13800000002'] },
  { idNumber: id('220102', '1958-11-02', 'female'), name: '吉示例', sex: 'female', insuredRegion: '220100', insuranceType: 'employee', categoryBasis: '退休', phones: ['13800000003'] },
  { idNumber: id('500103', '1975-07-15', 'male'), name: '渝示例', sex: 'male', insuredRegion: '500100', insuranceType: 'resident', phones: ['13800000004'] },
  { idNumber: id('440802', '1983-01-30', 'female'), name: '湛示例', sex: 'female', insuredRegion: '440800', insuranceType: 'employee', categoryBasis: '在职', phones: ['13800000005'] },
  {
    idNumber: id('130102', '1969-09-09', 'male'), name: '冀示例', sex: 'male', insuredRegion: '130100', insuranceType: 'employee', phones: ['13800000006'],
    benefitStatus: 'frozen', statusSince: '2026-10-01', statusReason: '单位欠缴医疗保险费（示例）',
  },
].map(person => insuredRecordSchema.parse({ validFrom: '2000-01-01', ...person }))

/**
 * Development only: an empty registry gets the sample people, so a newcomer signs in on the
 * first start. Returns them when it did; a registry with anyone on it is left alone.
 */
export async function seedSamplePeople(db: Kysely<Database>, now = new Date()): Promise<readonly InsuredRecord[] | undefined> {
  if (!(await registryIsEmpty(db)))
    return undefined
  await upsertRecords(db, SAMPLE_PEOPLE, now.toISOString())
  return SAMPLE_PEOPLE
}
