import { z } from 'zod/v4'
import type { HospitalLevel } from '../policy/types'
import { cityOf } from '../regions/codes'
import { missingOr, regionCodeSchema, text } from './fields'

/**
 * 定点医疗机构: a designated hospital of a 就医地 as the agency's directory lists it, imported by
 * `npm run hospitals -- import` and searched by `GET /api/hospitals`. Nothing here is personal.
 */

export const HOSPITAL_LEVELS = ['primary', 'secondary', 'tertiary'] as const satisfies readonly HospitalLevel[]

export const HOSPITAL_LEVEL_LABELS: Readonly<Record<HospitalLevel, string>> = { primary: '一级', secondary: '二级', tertiary: '三级' }

/** 联网 direct settlement a hospital offers: inpatient, general outpatient, 门诊慢特病. */
export const NETWORKED_SERVICES = ['inpatient', 'outpatient', 'chronic'] as const
export type NetworkedService = (typeof NETWORKED_SERVICES)[number]

export const hospitalLevelSchema = z.enum(HOSPITAL_LEVELS, { error: '医院等级应为 primary（一级）、secondary（二级）或 tertiary（三级）' })

/**
 * The national 定点医疗机构代码 the counter signs in with: `H`, the 6-digit county code, and a
 * 5-digit sequence (e.g. H53010200001).
 */
export const hospitalCodeSchema = z.string(missingOr('请填写医疗机构代码'))
  .trim()
  .transform(code => code.toUpperCase())
  .refine(code => /^H\d{11}$/.test(code), '医疗机构代码应为 H 加11位数字，例如 H53010200001')

const flag = (label: string) => z.boolean({ error: `${label}应为“是”或“否”` }).default(false)

export const designatedHospitalSchema = z.object({
  code: hospitalCodeSchema,
  name: text('医疗机构名称', 60),
  /** The 就医地 (统筹区) whose directory lists it: a city code. */
  city: regionCodeSchema('就医地'),
  level: hospitalLevelSchema,
  address: text('地址', 120),
  phone: text('联系电话', 30).nullable().default(null),
  inpatient: flag('住院联网'),
  outpatient: flag('普通门诊联网'),
  chronic: flag('门诊慢特病联网'),
  /** May issue a 转诊转院证明 (the referring hospitals of a 参保地, e.g. 湛江 二(六)). */
  canRefer: flag('转诊资格'),
  /** Fictional development data, shown as such. */
  sample: flag('示例数据'),
}).superRefine((hospital, ctx) => {
  if (cityOf(hospital.code.slice(1, 7)) !== hospital.city)
    ctx.addIssue({ code: 'custom', path: ['code'], message: '医疗机构代码中的行政区划不属于所填就医地' })
})

export type DesignatedHospital = z.infer<typeof designatedHospitalSchema>
export type DesignatedHospitalInput = z.input<typeof designatedHospitalSchema>

export const HOSPITAL_PAGE_SIZE = 20
export const HOSPITAL_MAX_PAGE = 50

/** `GET /api/hospitals?city=&q=&level=&services=inpatient,chronic&referrals=1&page=`: one search of the directory. */
export const hospitalSearchSchema = z.object({
  city: regionCodeSchema('就医地'),
  q: z.string({ error: '名称应为文字' }).trim().max(30, '名称不能超过30个字').default(''),
  level: z.enum(['', ...HOSPITAL_LEVELS], { error: '医院等级应为 primary（一级）、secondary（二级）或 tertiary（三级）' }).default(''),
  services: z.string({ error: '联网服务格式不正确' }).max(60, '联网服务格式不正确').default('')
    .transform(value => value.split(',').map(item => item.trim()).filter(Boolean))
    .pipe(z.array(z.enum(NETWORKED_SERVICES, { error: '联网服务应为 inpatient、outpatient 或 chronic' })).max(3, '联网服务格式不正确')),
  /** `1`: only hospitals that may issue a referral (the wizard's referral step). */
  referrals: z.enum(['', '1'], { error: 'referrals 应为 1 或留空' }).default('').transform(value => value === '1'),
  page: z.coerce.number({ error: '页码应为数字' }).int('页码应为整数').min(1, '页码从1开始').max(HOSPITAL_MAX_PAGE, `页码不能超过${HOSPITAL_MAX_PAGE}`).default(1),
})

export type HospitalSearch = z.infer<typeof hospitalSearchSchema>
export type HospitalSearchInput = z.input<typeof hospitalSearchSchema>

/** Reply of `GET /api/hospitals`: one page, in code order, and how many match in all. */
export interface HospitalSearchResponse {
  hospitals: DesignatedHospital[]
  total: number
  page: number
  pageSize: number
}
