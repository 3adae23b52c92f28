import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatYuan, isFen, parseYuan } from '../../../../src/domain/money/yuan'

describe('元 ↔ 分 (DOMAIN §10)', () => {
  it.each([
    ['12.30', 1230],
    ['12.3', 1230],
    ['12', 1200],
    ['0.05', 5],
    [' 30000.00 ', 3_000_000],
  ])('parses %s as %i 分', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen })
  })

  it.each(['', 'abc', '12.345', '-1', '+1', '1e3', '012', '12.', '.5', '1,000', '12 30'])('refuses %j', (text) => {
    expect(parseYuan(text)).toMatchObject({ ok: false, message: expect.stringContaining('两位小数') })
  })

  it('formats with two decimals, keeping a sign', () => {
    expect(formatYuan(1230)).toBe('12.30')
    expect(formatYuan(5)).toBe('0.05')
    expect(formatYuan(-1230)).toBe('-12.30')
    expect(() => formatYuan(1.5)).toThrow(RangeError)
  })

  it('property: format then parse returns the same 分', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (fen) => {
      expect(parseYuan(formatYuan(fen))).toEqual({ ok: true, fen })
    }))
  })

  it('knows what a 分 amount is', () => {
    expect(isFen(0)).toBe(true)
    expect(isFen(-1)).toBe(false)
    expect(isFen(0.5)).toBe(false)
  })
})
