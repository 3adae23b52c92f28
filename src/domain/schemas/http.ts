import { z } from 'zod/v4'
import { admissionOutcomeSchema, admissionTypeSchema } from './counter'
import { calendarDateSchema, idNumberSchema, missingOr, nameSchema, phoneSchema, text } from './fields'

/**
 * Bodies of the HTTP endpoints other than sync (DESIGN §4) that carry domain fields, so the
 * sign-in form, the counter screen and the server check them alike.
 */

/** `POST /api/auth/insured/start`. */
export const insuredAuthStartSchema = z.object({
  idNumber: idNumberSchema,
  name: nameSchema,
  phone: phoneSchema,
})

/** `POST /api/auth/insured/verify`: the one-time code is 6 digits. */
export const insuredAuthVerifySchema = z.object({
  challengeId: text('验证编号', 64),
  code: z.string(missingOr('请填写验证码')).regex(/^\d{6}$/, '验证码为6位数字'),
})

/** `POST /api/auth/staff/login`. */
export const staffLoginSchema = z.object({
  username: text('用户名', 64),
  password: z.string(missingOr('请填写密码')).min(1, '请填写密码').max(128, '密码过长'),
})

/** `POST /api/auth/staff/password`: the one-time password is replaced at first sign-in. */
export const staffPasswordChangeSchema = z.object({
  currentPassword: z.string(missingOr('请填写当前密码')).min(1, '请填写当前密码').max(128, '密码过长'),
  newPassword: z.string(missingOr('请填写新密码')).max(128, '新密码不能超过128位'),
})

/** `POST /api/counter/verify`: the hospital's city comes from the staff account, not the body. */
export const counterVerifyRequestSchema = z.object({
  idNumber: idNumberSchema,
  name: nameSchema,
  admissionDate: calendarDateSchema,
  admissionType: admissionTypeSchema,
})

/** Reply of `POST /api/counter/verify`: the outcome of `coversAdmission`, with the filing shown. */
export const counterVerifyResponseSchema = z.object({
  outcome: admissionOutcomeSchema,
  filing: z.object({
    filingNumber: z.string(),
    category: z.string(),
    destination: z.string(),
    startDate: calendarDateSchema,
    /** The last day it can be used: a promise filing without materials ends at its deadline. */
    endDate: calendarDateSchema.nullable(),
    /** A one-visit referral (Hebei 第九条): valid for this visit, not until a date. */
    oneVisit: z.boolean().default(false),
    promise: z.boolean(),
  }).optional(),
  ratioCutPoints: z.number().int().min(0).max(100),
  notes: z.array(z.object({ code: z.string(), message: z.string() })),
})

/** One line of the counter's audit list, as `GET /api/counter/audit` and its search answer it. */
export interface AuditListEntry {
  at: string
  patientName: string | null
  targetMasked: string
  method: string
  outcome: string
  filingNumber: string | null
  /** The admission this hospital recorded for the same patient after the check, if any. */
  admission: { admissionId: string, admissionDate: string, recordedAt: string } | null
}

/** The longest span the counter's audit list searches at once. */
export const AUDIT_MAX_DAYS = 92

/** Query of `GET /api/counter/audit`: a date range (China days, both included; each defaults to the server's today). */
export const counterAuditQuerySchema = z.object({
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
})

/**
 * Body of `POST /api/counter/audit/search`: the range, and a 姓名 or 身份证号码 to find one
 * patient's entries — in the body, since personal data never goes into a URL.
 */
export const counterAuditSearchSchema = counterAuditQuerySchema.extend({
  q: z.string('请填写姓名或身份证号码').trim().max(40, '姓名或身份证号码过长').optional(),
})

export type InsuredAuthStart = z.infer<typeof insuredAuthStartSchema>
export type InsuredAuthVerify = z.infer<typeof insuredAuthVerifySchema>
export type StaffLogin = z.infer<typeof staffLoginSchema>
export type CounterVerifyRequest = z.infer<typeof counterVerifyRequestSchema>
export type CounterVerifyResponse = z.infer<typeof counterVerifyResponseSchema>
