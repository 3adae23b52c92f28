/**
 * Masking of personal numbers for screens and logs: a person or a log reader sees enough to
 * recognise a number, never enough to reuse it.
 */

/** `110105194912310021` → `110***********0021` (first 3 and last 4 of an 18-character 身份证号码). */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim()
  if (value.length <= 7)
    return '*'.repeat(value.length)
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  const value = phone.trim()
  if (value.length <= 7)
    return '*'.repeat(value.length)
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`
}

/**
 * `张三` → `张*`, `欧阳娜娜` → `欧***`: only the first character of a 姓名 stays, as on the filing
 * credential (issue 6) and counter screens.
 */
export function maskName(name: string): string {
  const characters = [...name.trim()]
  if (characters.length <= 1)
    return '*'.repeat(characters.length)
  return `${characters[0]}${'*'.repeat(characters.length - 1)}`
}

// An ID number (18 or legacy 15 digits) or a mainland mobile number standing alone in free text.
const ID_NUMBER_IN_TEXT = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g
const PHONE_IN_TEXT = /(?<!\d)(1[3-9]\d{9})(?!\d)/g

/** Masks every ID number and mobile number found inside free text (log lines, error messages). */
export function maskSensitiveText(text: string): string {
  return text
    .replace(ID_NUMBER_IN_TEXT, match => maskIdNumber(match))
    .replace(PHONE_IN_TEXT, match => maskPhone(match))
}
