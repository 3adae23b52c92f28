/** Why a phone number was refused. */
export type PhoneErrorCode = 'phone_format'

export const PHONE_MESSAGE = '请填写11位手机号码（1开头，第二位为3-9）'

const MOBILE = /^1[3-9]\d{9}$/

/** DOMAIN §3: mainland mobile numbers are 11 digits starting 1[3-9]; spaces and dashes are dropped. */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '')
}

/** True when `raw`, once normalised, is a mainland mobile number. */
export function isMobilePhone(raw: string): boolean {
  return MOBILE.test(normalizePhone(raw))
}

/** The normalised mobile number, or the `phone_format` refusal with its message. */
export function validatePhone(raw: string): { ok: true, value: string } | { ok: false, code: PhoneErrorCode, message: string } {
  const value = normalizePhone(raw)
  return MOBILE.test(value) ? { ok: true, value } : { ok: false, code: 'phone_format', message: PHONE_MESSAGE }
}
