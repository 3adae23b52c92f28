import { describe, expect, it } from 'vitest'
import { accountKey, accountLabel } from '../../../../src/domain/identity/accountKey'

describe('account keys', () => {
  it('name a person by 身份证号码 and staff by username, the same on the device and the server', () => {
    expect(accountKey({ role: 'insured', idNumber: '11010519491231002X' })).toBe('insured:11010519491231002X')
    expect(accountKey({ role: 'counter', username: 'wang' })).toBe('staff:wang')
  })

  it('show a person to others only by masked 身份证号码', () => {
    expect(accountLabel('insured:11010519491231002X')).toBe('110***********002X')
    expect(accountLabel('staff:wang:2')).toBe('wang:2')
  })
})
