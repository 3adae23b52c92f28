import { describe, expect, it } from 'vitest'
import { emptyFilingForm, hasInput } from '../../../src/features/filing/filingForm'

describe('an unfinished filing worth continuing', () => {
  it('a wizard opened and left is not offered as 继续填写; one typed letter is', () => {
    const empty = emptyFilingForm('2026-12-02')
    expect(hasInput(empty)).toBe(false)
    expect(hasInput({ ...empty, values: { ...empty.values, name: '' } })).toBe(false)
    expect(hasInput({ ...empty, values: { ...empty.values, name: '张' } })).toBe(true)
    expect(hasInput({ ...empty, forFamily: true })).toBe(true)
  })
})
