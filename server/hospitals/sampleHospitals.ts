import type { Kysely } from 'kysely'
import { type DesignatedHospital, type DesignatedHospitalInput, designatedHospitalSchema } from '../../src/domain/schemas/hospital.ts'
import { ZHANJIANG_POLICY } from '../../src/domain/policy/regionalPolicies.ts'
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
 * 湛江's referring hospitals, named by 湛医保〔2023〕11号 二(六): the very entries of
 * ZHANJIANG_POLICY's `fullRateReferralHospitals` (code and name), so the policy and the sample
 * directory cannot drift apart. Real names, fictional codes, no phones, addresses left general;
 * the county hospitals (county digits 21–99 by GB/T 2260: 县 and 县级市) sampled as 二级.
 */
const ZHANJIANG_REFERRERS: Entry[] = ZHANJIANG_POLICY.fullRateReferralHospitals.map(({ code, name }) => ({
  code,
  name,
  city: ZHANJIANG_POLICY.region,
  level: Number(code.slice(5, 7)) > 20 ? 'secondary' : 'tertiary',
  address: `广东省湛江市（${code.slice(1, 7)}）`,
  phone: null,
  ...ALL_SERVICES,
  canRefer: true,
}))

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
