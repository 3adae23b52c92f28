import { describe, expect, it } from 'vitest'
import { zodTypedSchema } from '../../../src/components/zodTypedSchema'
import { filingSupplementPayloadSchema } from '../../../src/domain/schemas/filing'
import { UUID } from '../domain/schemas/fixtures'

describe('form validation by the rulebook schema', () => {
  const form = zodTypedSchema(filingSupplementPayloadSchema)

  it('puts each message on its field, array items in vee-validate\'s bracket syntax', async () => {
    const { errors } = await form.parse({ filingId: UUID(1), materials: [{ kind: 'residence' }, { kind: 'passport' }] } as never)
    expect(errors).toEqual([
      { path: 'materials[1].kind', errors: ['请选择材料类型'] },
      { path: 'suppliedOn', errors: ['请选择日期'] },
    ])
  })

  it('hands over the parsed values when the form is valid', async () => {
    const parsed = await form.parse({ filingId: UUID(1), materials: [{ kind: 'residence', description: ' 居住证 ' }], suppliedOn: '2026-11-24' })
    expect(parsed).toEqual({ value: { filingId: UUID(1), materials: [{ kind: 'residence', description: '居住证' }], suppliedOn: '2026-11-24' }, errors: [] })
  })
})
