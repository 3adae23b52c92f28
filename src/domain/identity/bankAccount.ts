/**
 * 银行账号 of a personal bank card (借记卡), where a 手工报销 is paid: 16 to 19 digits whose last
 * one is the Luhn check digit (ISO/IEC 7812, which 银联 cards follow), so one mistyped digit or
 * two swapped neighbours are caught before the money goes astray.
 */

/** Spaces and dashes people type to group the digits are dropped. */
export function normalizeBankAccount(value: string): string {
  return value.replace(/[\s-]/g, '')
}

/** True when the last digit is the Luhn check digit of the others. */
export function luhnHolds(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9)
        digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

export type BankAccountCheck = { ok: true } | { ok: false, message: string }

export function checkBankAccount(value: string): BankAccountCheck {
  if (!/^\d{16,19}$/.test(value))
    return { ok: false, message: '银行账号应为16到19位数字' }
  if (!luhnHolds(value))
    return { ok: false, message: '银行账号校验位不符，请核对卡号' }
  return { ok: true }
}

/** `6222021234567890128` → `**** **** **** 0128`: only the last 4 digits, as a bank shows a card. */
export function maskBankAccount(value: string): string {
  return `**** **** **** ${normalizeBankAccount(value).slice(-4)}`
}
