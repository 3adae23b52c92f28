import type { Kysely } from 'kysely'
import { type DesignatedHospital, type DesignatedHospitalInput, designatedHospitalSchema } from '../../src/domain/schemas/hospital.ts'
import type { Database } from '../store/index.ts'
import { directoryIsEmpty, upsertHospitals } from './repository.ts'

type Entry = Omit<DesignatedHospitalInput, 'sample'>

const ALL_SERVICES = { inpatient: true, outpatient: true, chronic: true }

/** Fictional hospitals of a city: invented names marked （示例）, codes in the city's range. */
function fictional(city: string, county: string, cityName: string, phone: string): Entry[] {
  return [
    { code: `H${county}00001`, name: `${cityName}第一人民医院（示例）`, city, level: 'tertiary', address: `${cityName}示例路1号`, phone, ...ALL_SERVICES },
    { code: `H${county}00002`, name: `${cityName}中医医院（示例）`, city, level: 'secondary', address: `${cityName}示例路2号`, phone, inpatient: true, outpatient: true },
    { code: `H${county}00003`, name: `${cityName}社区卫生服务中心（示例）`, city, level: 'primary', address: `${cityName}示例路3号`, phone, outpatient: true, chronic: true },
  ]
}

/**
 * 湛江's referring hospitals, named by 湛医保〔2023〕11号 二(六) (ZHANJIANG_POLICY's
 * `fullRateReferralHospitals`, with 五县（市） as its five hospitals): real names, fictional
 * codes and phones, addresses left general.
 */
const ZHANJIANG_REFERRERS: Entry[] = [
  ['H44080200001', '广东医科大学附属医院', '440802', 'tertiary'],
  ['H44080300001', '湛江中心人民医院', '440803', 'tertiary'],
  ['H44080300002', '广东省农垦中心医院', '440803', 'tertiary'],
  ['H44080300003', '南部战区海军第一医院', '440803', 'tertiary'],
  ['H44088100001', '廉江市人民医院', '440881', 'secondary'],
  ['H44088200001', '雷州市人民医院', '440882', 'secondary'],
  ['H44088300001', '吴川市人民医院', '440883', 'secondary'],
  ['H44082300001', '遂溪县人民医院', '440823', 'secondary'],
  ['H44082500001', '徐闻县人民医院', '440825', 'secondary'],
].map(([code, name, county, level]) => ({ code: code!, name: name!, city: '440800', level: level as Entry['level'], address: `广东省湛江市（${county}）`, phone: null, ...ALL_SERVICES, canRefer: true }))

/**
 * Development only: a few designated hospitals in each seed region (DOMAIN: 云南, 重庆, 河北,
 * 湛江, 吉林) and the destinations their people go to most (广州, 深圳), all marked sample. The
 * seed regions' own first hospitals may refer, so the wizard's referral step has a choice there.
 */
export const SAMPLE_HOSPITALS: readonly DesignatedHospital[] = [
  ...fictional('530100', '530102', '昆明市', '0871-60000000').map((entry, n) => ({ ...entry, canRefer: n === 0 })),
  ...fictional('500100', '500103', '重庆市', '023-60000000').map((entry, n) => ({ ...entry, canRefer: n === 0 })),
  ...fictional('130100', '130102', '石家庄市', '0311-60000000').map((entry, n) => ({ ...entry, canRefer: n === 0 })),
  ...fictional('220100', '220102', '长春市', '0431-60000000').map((entry, n) => ({ ...entry, canRefer: n === 0 })),
  ...fictional('440100', '440104', '广州市', '020-60000000'),
  ...fictional('440300', '440304', '深圳市', '0755-60000000'),
  ...ZHANJIANG_REFERRERS,
].map(entry => designatedHospitalSchema.parse({ ...entry, sample: true }))

/**
 * Development only: an empty directory gets the sample hospitals, so the directory screen and
 * the referral step have something to show on the first start. Returns them when it did.
 */
export async function seedSampleHospitals(db: Kysely<Database>, now = new Date()): Promise<readonly DesignatedHospital[] | undefined> {
  if (!(await directoryIsEmpty(db)))
    return undefined
  await upsertHospitals(db, SAMPLE_HOSPITALS, now.toISOString())
  return SAMPLE_HOSPITALS
}
