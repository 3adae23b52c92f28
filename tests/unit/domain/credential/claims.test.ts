import { describe, expect, it } from 'vitest'
import { filingCredentialClaimsSchema, idHashInput } from '../../../../src/domain/credential/claims'
import { maskName } from '../../../../src/domain/identity/mask'

const claims = {
  v: 2,
  filingNumber: 'BA2026000123',
  maskedName: maskName('张三'),
  idTag: 'q1w2e3r4t5y',
  category: 'long_term_resident',
  insuranceType: 'employee',
  insuredRegion: '220100',
  destination: '440300',
  validFrom: '2026-03-01',
  validTo: null,
  promise: true,
  oneVisit: false,
  keyId: 'k2026-01',
  issuedAt: '2026-03-01T00:00:00Z',
}

describe('filing credential claims (issue 6)', () => {
  it('accepts the agreed claims with a long-term (null) end', () => {
    expect(filingCredentialClaimsSchema.parse(claims)).toEqual(claims)
  })

  it.each([
    ['an unmasked name', { maskedName: '张三' }],
    ['a raw ID number instead of its tag', { idTag: '11010519491231002X' }],
    ['a guessable salted hash in place of the tag', { idTag: undefined, idHash: 'a'.repeat(64), idSalt: 'q1w2e3r4t5y6u7i8o9p0aS' }],
    ['the first layout\'s version', { v: 1 }],
    ['an unknown category', { category: 'tourist' }],
  ])('refuses %s', (_name, overrides) => {
    expect(filingCredentialClaimsSchema.safeParse({ ...claims, ...overrides }).success).toBe(false)
  })

  it('builds the exact hash input from salt and the normalised number', () => {
    expect(idHashInput('salt_1-A', ' 11010519491231002x ')).toBe('yidi:id-hash:v1:salt_1-A:11010519491231002X')
  })

  it('refuses a salt that could break the layout', () => {
    expect(() => idHashInput('a:b', '11010519491231002X')).toThrow(RangeError)
  })
})
