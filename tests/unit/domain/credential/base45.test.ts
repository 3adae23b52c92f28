import { describe, expect, it } from 'vitest'
import { decodeBase45, encodeBase45 } from '../../../../src/domain/credential/base45'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('Base45 (RFC 9285)', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ])('RFC 9285 §4.3 and §4.4: %s encodes as %s and decodes back', (plain, encoded) => {
    expect(encodeBase45(utf8(plain))).toBe(encoded)
    expect(new TextDecoder().decode(decodeBase45(encoded))).toBe(plain)
  })

  it('round-trips every byte value, odd and even lengths', () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, index) => (index * 37) % 256)
    expect(decodeBase45(encodeBase45(bytes))).toEqual(bytes)
    expect(decodeBase45(encodeBase45(bytes.subarray(1)))).toEqual(bytes.subarray(1))
  })

  it('RFC 9285 §6: refuses a group above 65535, a stray character and an impossible length', () => {
    expect(() => decodeBase45('GGW')).toThrow(RangeError)
    expect(() => decodeBase45('ab=')).toThrow(RangeError)
    expect(() => decodeBase45('BB8B')).toThrow(RangeError)
  })
})

describe('Base45 read from a scanner', () => {
  it('never ends in a space, so trimming what a scanner typed cannot cut a credential', () => {
    for (let length = 1; length <= 4; length++) {
      for (const fill of [0x00, 0x7F, 0xFF]) {
        const text = encodeBase45(new Uint8Array(length).fill(fill))
        expect(text.trim()).toBe(text)
      }
    }
    // The largest groups: 0xFFFF → 'FGW', 0xFF → 'U5'.
    expect(encodeBase45(Uint8Array.of(0xFF, 0xFF, 0xFF))).toBe('FGWU5')
  })
})
