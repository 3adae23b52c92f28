import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeCheckCharacter } from '../../../../src/domain/identity/checkDigit'
import { normalizeIdNumber, validateIdNumber } from '../../../../src/domain/identity/idNumber'
import { generateIdNumber } from '../../../../src/domain/identity/idNumberGenerator'
import { idNumberArb } from './arbitraries'

const TODAY = '2026-11-22'
// GB 11643-1999 annex example: 11010519491231002X (female, born 1949-12-31).
const SAMPLE = '11010519491231002X'

describe('身份证号码 (GB 11643)', () => {
  it('accepts the standard example and reads birth date and sex from it', () => {
    expect(validateIdNumber(SAMPLE, { today: TODAY })).toEqual({
      ok: true,
      value: { idNumber: SAMPLE, birthDate: '1949-12-31', sex: 'female' },
    })
  })

  it('computes the ISO 7064 MOD 11-2 check character, including X for 10', () => {
    expect(computeCheckCharacter('11010519491231002')).toBe('X')
    expect(computeCheckCharacter('44052418800101001')).toBe('4')
    expect(() => computeCheckCharacter('123')).toThrow(RangeError)
  })

  it('normalises a lower-case x and surrounding spaces', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe(SAMPLE)
    const check = validateIdNumber('11010519491231002x')
    expect(check.ok && check.value.idNumber).toBe(SAMPLE)
  })

  it.each([
    ['a legacy 15-digit number, asking for the 18-digit one', '110105491231002', 'id_legacy_15', /18位/],
    ['a number of the wrong length', '1101051949123100', 'id_length', /18位/],
    ['letters inside the number', '1101051949A231002X', 'id_characters', /数字/],
    ['an X that is not last', '11010519491231X021', 'id_characters', /数字/],
    ['an impossible birth date (2 月 30 日)', '110105194902300021', 'id_birth_date_invalid', /出生日期/],
    ['a birth date before 1900', '110105189912310021', 'id_birth_date_invalid', /出生日期/],
    ['a wrong check digit', '110105194912310021', 'id_check_digit', /校验位/],
  ])('refuses %s', (_name, value, code, message) => {
    const check = validateIdNumber(value, { today: TODAY })
    expect(check.ok).toBe(false)
    if (!check.ok) {
      expect(check.code).toBe(code)
      expect(check.message).toMatch(message)
    }
  })

  it('refuses a birth date after today', () => {
    const future = generateIdNumber({ regionCode: '530102', birthDate: '2026-11-23', sequence: 12, sex: 'male' })
    expect(validateIdNumber(future, { today: TODAY })).toMatchObject({ ok: false, code: 'id_birth_date_future' })
    expect(validateIdNumber(future, { today: '2026-11-23' }).ok).toBe(true)
  })

  it('refuses a 性别 that disagrees with the 17th digit, naming the right one', () => {
    expect(validateIdNumber(SAMPLE, { sex: 'male' })).toMatchObject({ ok: false, code: 'id_sex_mismatch', message: expect.stringContaining('女') })
    expect(validateIdNumber(SAMPLE, { sex: 'female' }).ok).toBe(true)
  })

  it('property: every generated number passes with its own birth date and sex', () => {
    fc.assert(fc.property(idNumberArb, ({ parts, idNumber }) => {
      const check = validateIdNumber(idNumber, { today: TODAY, sex: parts.sex })
      expect(check).toEqual({ ok: true, value: { idNumber, birthDate: parts.birthDate, sex: parts.sex } })
    }))
  })

  it('property: any single-character change is caught', () => {
    const alphabet = '0123456789X'
    fc.assert(fc.property(idNumberArb, fc.nat(17), fc.nat(10), ({ idNumber }, position, pick) => {
      const original = idNumber[position]
      const replacement = alphabet.replace(original ?? '', '')[pick % 10] ?? '0'
      const changed = `${idNumber.slice(0, position)}${replacement}${idNumber.slice(position + 1)}`
      expect(changed).not.toBe(idNumber)
      expect(validateIdNumber(changed, { today: TODAY }).ok).toBe(false)
    }))
  })

  it('the generator refuses impossible parts', () => {
    expect(() => generateIdNumber({ regionCode: '5301', birthDate: '2000-01-01', sequence: 1, sex: 'male' })).toThrow(RangeError)
    expect(() => generateIdNumber({ regionCode: '530102', birthDate: '2000-02-30', sequence: 1, sex: 'male' })).toThrow(RangeError)
    expect(() => generateIdNumber({ regionCode: '530102', birthDate: '2000-01-01', sequence: 1000, sex: 'male' })).toThrow(RangeError)
  })
})
