import { describe, expect, it } from 'vitest'
import { emptyTraumaForm, hasPatientInput } from '../../../src/features/trauma/traumaForm'

describe('a half-filled trauma commitment', () => {
  it('is nobody\'s while only the app has filled it (date, id, admission)', () => {
    expect(hasPatientInput(emptyTraumaForm('2026-12-03', 'adm-1'))).toBe(false)
  })

  it.each([
    ['a name', (form: ReturnType<typeof emptyTraumaForm>) => ({ ...form, patient: { ...form.patient, name: '李四' } })],
    ['the place', (form: ReturnType<typeof emptyTraumaForm>) => ({ ...form, place: '家中' })],
    ['a commitment ticked', (form: ReturnType<typeof emptyTraumaForm>) => ({ ...form, accepted: [0] })],
    ['the warning read', (form: ReturnType<typeof emptyTraumaForm>) => ({ ...form, warningRead: true })],
  ])('is a patient\'s once it holds %s', (_what, fill) => {
    expect(hasPatientInput(fill(emptyTraumaForm('2026-12-03')))).toBe(true)
  })
})
