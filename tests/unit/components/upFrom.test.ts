import { describe, expect, it } from 'vitest'
import { upFrom } from '../../../src/components/upFrom'

describe('the app bar\'s back arrow', () => {
  it('in the filing wizard goes to the step before', () => {
    expect(upFrom({ name: 'filing-step', params: { step: '3' }, meta: { up: 'filing' } })).toEqual({ name: 'filing-step', params: { step: 2 } })
  })

  it('on the wizard\'s first step leads out to 备案', () => {
    expect(upFrom({ name: 'filing-step', params: { step: '1' }, meta: { up: 'filing' } })).toEqual({ name: 'filing' })
    expect(upFrom({ name: 'filing-step', params: {}, meta: { up: 'filing' } })).toEqual({ name: 'filing' })
  })

  it('on a filing\'s page leads to 我的备案, and a tab\'s own screen has none', () => {
    expect(upFrom({ name: 'filing-detail', params: { id: 'x' }, meta: { up: 'lookup' } })).toEqual({ name: 'lookup' })
    expect(upFrom({ name: 'lookup', params: {}, meta: {} })).toBeUndefined()
  })
})
