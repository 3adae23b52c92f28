/**
 * Money is integer 分 everywhere (DOMAIN §10); 元 with two decimals only at the edges
 * (forms, printed slips).
 */

const YUAN = /^(0|[1-9]\d{0,12})(?:\.(\d{1,2}))?$/

export type YuanParse = { ok: true, fen: number } | { ok: false, message: string }

export const YUAN_MESSAGE = '请填写金额（元），最多两位小数，例如 12.30'

/** `'12.30'` → 1230 分; accepts `12`, `12.3`, `12.30`; refuses signs, exponents, 3 decimals. */
export function parseYuan(text: string): YuanParse {
  const match = YUAN.exec(text.trim())
  if (!match)
    return { ok: false, message: YUAN_MESSAGE }
  const whole = Number(match[1])
  const cents = Number((match[2] ?? '').padEnd(2, '0'))
  return { ok: true, fen: whole * 100 + cents }
}

/** 1230 分 → `'12.30'`; negative amounts (refund reversals) keep their sign. */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen))
    throw new RangeError('fen must be a safe integer')
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** True for a whole, non-negative number of 分 that fits in a safe integer. */
export function isFen(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0
}
