import type { Sex } from './sex'
import { isCalendarDate } from '../dates/calendarDate'
import { computeCheckCharacter } from './checkDigit'
import { SEX_LABELS, sexFromSequenceDigit } from './sex'

/** Every way a 身份证号码 can be wrong, each with its own code and message. */
export type IdNumberErrorCode =
  | 'id_legacy_15'
  | 'id_length'
  | 'id_characters'
  | 'id_check_digit'
  | 'id_birth_date_invalid'
  | 'id_birth_date_future'
  | 'id_sex_mismatch'

export const ID_NUMBER_MESSAGES: Readonly<Record<IdNumberErrorCode, string>> = {
  id_legacy_15: '这是旧的15位身份证号码，请填写18位身份证号码',
  id_length: '身份证号码应为18位',
  id_characters: '身份证号码前17位应为数字，最后一位为数字或X',
  id_check_digit: '身份证号码校验位不正确，请逐位核对',
  id_birth_date_invalid: '身份证号码中的出生日期不存在',
  id_birth_date_future: '身份证号码中的出生日期晚于今天',
  id_sex_mismatch: '所选性别与身份证号码不一致',
}

/** What a valid number tells: the normalised number, 出生日期 and 性别. */
export interface IdNumberFacts {
  idNumber: string
  birthDate: string
  sex: Sex
}

export type IdNumberCheck =
  | { ok: true, value: IdNumberFacts }
  | { ok: false, code: IdNumberErrorCode, message: string }

export interface IdNumberCheckOptions {
  /** Today (`YYYY-MM-DD`); when given, a birth date after it is refused. */
  today?: string
  /** The 性别 the person entered; when given, it must agree with the 17th digit. */
  sex?: Sex
}

/** Trims spaces and writes a lower-case `x` check character as `X`. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase()
}

function fail(code: IdNumberErrorCode, message = ID_NUMBER_MESSAGES[code]): IdNumberCheck {
  return { ok: false, code, message }
}

/**
 * GB 11643-1999 公民身份号码 (DOMAIN §3): 17 digits + MOD 11-2 check character, a real birth
 * date (not after `today`), sex from the 17th digit. 15-digit legacy numbers are refused with a
 * message asking for the 18-digit one.
 */
export function validateIdNumber(raw: string, options: IdNumberCheckOptions = {}): IdNumberCheck {
  const value = normalizeIdNumber(raw)
  if (/^\d{15}$/.test(value))
    return fail('id_legacy_15')
  if (value.length !== 18)
    return fail('id_length')
  if (!/^\d{17}[\dX]$/.test(value))
    return fail('id_characters')
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  if (!isCalendarDate(birthDate) || birthDate < '1900-01-01')
    return fail('id_birth_date_invalid')
  if (options.today !== undefined && birthDate > options.today)
    return fail('id_birth_date_future')
  if (computeCheckCharacter(value.slice(0, 17)) !== value[17])
    return fail('id_check_digit')
  const sex = sexFromSequenceDigit(Number(value[16]))
  if (options.sex !== undefined && options.sex !== sex)
    return fail('id_sex_mismatch', `所选性别与身份证号码不一致（号码显示为${SEX_LABELS[sex]}）`)
  return { ok: true, value: { idNumber: value, birthDate, sex } }
}
