import type { Sex } from './sex'
import { isCalendarDate } from '../dates/calendarDate'
import { computeCheckCharacter } from './checkDigit'

export interface IdNumberParts {
  /** 6-digit 行政区划代码 of the 户籍 (not checked against a table). */
  regionCode: string
  /** 出生日期 `YYYY-MM-DD`. */
  birthDate: string
  /** 顺序码 0-999; its last digit's parity is replaced to match `sex`. */
  sequence: number
  sex: Sex
}

/**
 * Builds a valid 18-character 身份证号码 from its parts (GB 11643 §8): for fixtures, demo data
 * and property tests. Never use it to guess a real person's number.
 */
export function generateIdNumber(parts: IdNumberParts): string {
  if (!/^\d{6}$/.test(parts.regionCode))
    throw new RangeError('regionCode must be 6 digits')
  if (!isCalendarDate(parts.birthDate))
    throw new RangeError('birthDate must be YYYY-MM-DD')
  if (!Number.isInteger(parts.sequence) || parts.sequence < 0 || parts.sequence > 999)
    throw new RangeError('sequence must be 0-999')
  const base = Math.floor(parts.sequence / 10) * 10
  const lastDigit = (parts.sequence % 10) - (parts.sequence % 2) + (parts.sex === 'male' ? 1 : 0)
  const sequence = String(base + lastDigit).padStart(3, '0')
  const first17 = `${parts.regionCode}${parts.birthDate.replaceAll('-', '')}${sequence}`
  return `${first17}${computeCheckCharacter(first17)}`
}
