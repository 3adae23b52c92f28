import { describe, expect, it } from 'vitest'
import { madeByAnother, waitingFor } from '../../../src/sync/accounts'

describe('actions and the account they were made under', () => {
  it('are sent by that account, and by anyone when made before accounts were recorded', () => {
    expect(madeByAnother({ account: 'staff:wang' }, 'staff:wang')).toBe(false)
    expect(madeByAnother({ account: 'staff:wang' }, 'staff:li')).toBe(true)
    expect(madeByAnother({ account: 'staff:wang' }, undefined)).toBe(true)
    expect(madeByAnother({}, 'staff:li')).toBe(false)
  })

  it('name who must sign in, an insured person by masked 身份证号码 only', () => {
    expect(waitingFor({ account: 'staff:wang' }, 'staff:li')).toBe('wang')
    expect(waitingFor({ account: 'insured:11010519491231002X' }, 'staff:li')).toBe('110***********002X')
    expect(waitingFor({ account: 'staff:wang' }, 'staff:wang')).toBeUndefined()
    expect(waitingFor({}, 'staff:wang')).toBeUndefined()
  })
})
