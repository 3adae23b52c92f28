import { describe, expect, it } from 'vitest'
import { isMobilePhone, normalizePhone, validatePhone } from '../../../../src/domain/identity/phone'

describe('mobile phone (DOMAIN §3)', () => {
  it.each(['13812345678', '19912345678', '138 1234 5678', '138-1234-5678'])('accepts %s', (phone) => {
    expect(isMobilePhone(phone)).toBe(true)
  })

  it.each(['12812345678', '1381234567', '138123456789', '+8613812345678', '1381234567a', ''])('refuses %s', (phone) => {
    expect(isMobilePhone(phone)).toBe(false)
  })

  it('answers with the normalised number or the phone_format code', () => {
    expect(validatePhone('138 1234 5678')).toEqual({ ok: true, value: '13812345678' })
    expect(validatePhone('0871-1234567')).toMatchObject({ ok: false, code: 'phone_format', message: expect.stringContaining('11位') })
  })

  it('drops spaces and dashes', () => {
    expect(normalizePhone(' 138-1234 5678 ')).toBe('13812345678')
  })
})
