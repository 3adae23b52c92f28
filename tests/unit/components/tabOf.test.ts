import { describe, expect, it } from 'vitest'
import type { RouteMeta } from 'vue-router'
import { tabOf } from '../../../src/components/tabOf'

const TABS = new Set(['filing', 'lookup', 'directory', 'reminders', 'refund', 'me'])
const META: Record<string, RouteMeta> = {
  'filing': {},
  'filing-step': { up: 'filing' },
  'lookup': {},
  'filing-detail': { up: 'lookup' },
  'refund': {},
  'claims': { up: 'refund' },
  'claim-new': { up: 'claims' },
  'loop-a': { up: 'loop-b' },
  'loop-b': { up: 'loop-a' },
}
const metaOf = (name: string) => META[name] ?? {}
const tab = (name: string) => tabOf(name, metaOf(name), TABS, metaOf)

describe('the tab bar\'s current tab', () => {
  it('is a tab\'s own screen', () => {
    expect(tab('lookup')).toBe('lookup')
  })

  it('on a filing\'s page is 查询, in the wizard 备案, on a new claim 退费 (through the claims list)', () => {
    expect(tab('filing-detail')).toBe('lookup')
    expect(tab('filing-step')).toBe('filing')
    expect(tab('claim-new')).toBe('refund')
  })

  it('is none for a screen that leads up to no tab, even through a loop', () => {
    expect(tab('loop-a')).toBeUndefined()
    expect(tabOf(undefined, {}, TABS, metaOf)).toBeUndefined()
  })
})
