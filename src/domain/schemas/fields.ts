import { z } from 'zod/v4'
import { isCalendarDate } from '../dates/calendarDate'
import { normalizeIdNumber, validateIdNumber } from '../identity/idNumber'
import { isMobilePhone, normalizePhone, PHONE_MESSAGE } from '../identity/phone'
import { FILING_CATEGORIES, INSURANCE_TYPES } from '../filing/categories'
import { isRegionCodeFormat } from '../regions/codes'

/**
 * Field schemas shared by every action payload. Messages are zh-CN and name the field's problem;
 * the clock is never read here (a birth date is checked against the form's own date).
 */

/** zod's `error` option: one message when the field is missing, another when it has the wrong type. */
export function missingOr(missing: string, wrongType = missing) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrongType) }
}

/** Any non-empty trimmed text up to `max` characters. */
export function text(label: string, max: number) {
  return z.string(missingOr(`请填写${label}`, `${label}应为文字`))
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)
}

// Any 8-4-4-4-12 hex id, as v3 accepted; `z.uuid()` would also demand RFC 9562 version bits.
export const uuidSchema = z.guid(missingOr('缺少编号', '编号格式不正确'))

export const calendarDateSchema = z.string(missingOr('请选择日期', '日期格式不正确'))
  .refine(isCalendarDate, '请填写有效日期（年-月-日）')

/** 18-character 身份证号码 (GB 11643), normalised (`x` → `X`); each failure keeps its message. */
export const idNumberSchema = z.string(missingOr('请填写身份证号码'))
  .transform(normalizeIdNumber)
  .superRefine((value, ctx) => {
    const check = validateIdNumber(value)
    if (!check.ok)
      ctx.addIssue({ code: 'custom', message: check.message, params: { rule: check.code } })
  })

export const phoneSchema = z.string(missingOr('请填写手机号码'))
  .transform(normalizePhone)
  .refine(isMobilePhone, PHONE_MESSAGE)

export const nameSchema = text('姓名', 30)

export const sexSchema = z.enum(['male', 'female'], { error: '请选择性别' })

export const insuranceTypeSchema = z.enum(INSURANCE_TYPES, { error: '请选择险种' })

export const categorySchema = z.enum(FILING_CATEGORIES, { error: '请选择人员类别' })

/** 6-digit GB/T 2260 code; existence is checked by the region catalogue where it is loaded. */
export function regionCodeSchema(label: string) {
  return z.string(missingOr(`请选择${label}`)).refine(isRegionCodeFormat, `${label}应为6位行政区划代码`)
}

/** A whole number of 分, ≥ 0. */
export function fenSchema(label: string) {
  return z.number(missingOr(`请填写${label}`, `${label}应为数字`))
    .int(`${label}应以分为单位的整数`)
    .nonnegative(`${label}不能为负数`)
    .max(Number.MAX_SAFE_INTEGER, `${label}过大`)
}

/** A handwritten signature as a PNG data URL from the signature pad. */
export const signatureSchema = z.string(missingOr('请手写签名'))
  .regex(/^data:image\/(?:png|svg\+xml);base64,[A-Za-z0-9+/=]+$/, '请手写签名')
  .max(400_000, '签名图片过大，请重新签名')

/** An ISO-8601 instant with offset, as the sync envelope carries it. */
export const instantSchema = z.iso.datetime({ offset: true, ...missingOr('缺少时间', '时间格式不正确') })

/**
 * An optional text field that a form may send as `''`: blank means absent, anything else must
 * pass `schema` with its own message.
 */
export function optionalField<T extends z.ZodType<unknown, string>>(schema: T) {
  return z.string({ error: '格式不正确' })
    .optional()
    .transform(value => (value === undefined || value.trim() === '' ? undefined : value))
    .pipe(schema.optional())
}
