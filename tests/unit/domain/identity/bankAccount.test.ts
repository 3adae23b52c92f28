import { describe, expect, it } from 'vitest'
import { checkBankAccount, maskBankAccount, normalizeBankAccount } from '../../../../src/domain/identity/bankAccount'

describe('银行账号 (ISO/IEC 7812 Luhn check digit)', () => {
  it('accepts a card number whose last digit checks, typed in groups', () => {
    expect(checkBankAccount(normalizeBankAccount('6222 0212 3456 7890 128'))).toEqual({ ok: true })
  })

  it('refuses one mistyped digit and two swapped neighbours', () => {
    expect(checkBankAccount('6222021234567890127')).toEqual({ ok: false, message: '银行账号校验位不符，请核对卡号' })
    expect(checkBankAccount('6222022134567890128').ok).toBe(false)
  })

  it('refuses what is not 16 to 19 digits', () => {
    expect(checkBankAccount('62220212345').ok).toBe(false)
    expect(checkBankAccount('62220212345678901a').ok).toBe(false)
  })

  it('shows only the last 4 digits', () => {
    expect(maskBankAccount('6222 0212 3456 7890 128')).toBe('**** **** **** 0128')
  })
})
