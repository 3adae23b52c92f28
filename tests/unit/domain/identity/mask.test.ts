import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskName, maskPhone, maskSensitiveText } from '../../../../src/domain/identity/mask'
import { idNumberArb } from './arbitraries'

describe('masking', () => {
  it('shows the first 3 and last 4 characters of a 身份证号码', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X')
    expect(maskIdNumber('1234567')).toBe('*******')
  })

  it('shows 138****5678 of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('12345')).toBe('*****')
  })

  it('keeps only the first character of a 姓名', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('张')).toBe('*')
    expect(maskName(' ')).toBe('')
  })

  it('masks numbers inside free text but leaves other digits', () => {
    expect(maskSensitiveText('id 11010519491231002X tel 13812345678 order 12345'))
      .toBe('id 110***********002X tel 138****5678 order 12345')
  })

  it('property: a masked ID number reveals at most 7 of its characters, in place', () => {
    fc.assert(fc.property(idNumberArb, ({ idNumber }) => {
      const masked = maskIdNumber(idNumber)
      expect(masked).toHaveLength(18)
      expect(masked.replaceAll('*', '')).toHaveLength(7)
      expect(masked.slice(3, 14)).toBe('*'.repeat(11))
      expect(maskSensitiveText(`x ${idNumber} y`)).not.toContain(idNumber.slice(3, 14))
    }))
  })

  it('property: a masked phone never shows its middle four digits', () => {
    fc.assert(fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
      expect(maskPhone(phone).slice(3, 7)).toBe('****')
      expect(maskSensitiveText(phone)).toBe(maskPhone(phone))
    }))
  })

  it('property: a masked name shows at most its first character', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 8 }), (name) => {
      const masked = [...maskName(name)]
      expect(masked.slice(1).every(c => c === '*')).toBe(true)
    }))
  })
})
