import { describe, expect, it } from 'vitest'
import { jsonShapeProblem } from '../../../server/http/jsonShape.ts'

const nested = (levels: number): unknown => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`)

describe('jsonShapeProblem', () => {
  it('accepts nesting up to the limit and refuses one level more (the root is level 1)', () => {
    expect(jsonShapeProblem(nested(4), 4)).toBeUndefined()
    expect(jsonShapeProblem(nested(5), 4)).toEqual({ code: 'too_deep', field: expect.any(String) })
    expect(jsonShapeProblem({ a: { b: {} } }, 3)).toBeUndefined()
    expect(jsonShapeProblem({ a: { b: { c: {} } } }, 3)).toEqual({ code: 'too_deep', field: 'a.b.c' })
  })

  it('walks 100,000 levels without overflowing its own stack', () => {
    expect(jsonShapeProblem(nested(100_000), 16)?.code).toBe('too_deep')
  })

  it('finds a NUL character in a value or a key and names the field as zod would', () => {
    expect(jsonShapeProblem({ materials: [{ fileRef: 'a' }, { fileRef: 'b\u0000' }] }, 16)).toEqual({ code: 'nul_character', field: 'materials.1.fileRef' })
    expect(jsonShapeProblem({ promise: { 'sig\u0000': 1 } }, 16)).toEqual({ code: 'nul_character', field: 'promise' })
    expect(jsonShapeProblem('\u0000', 16)).toEqual({ code: 'nul_character', field: '' })
  })

  it('reports the first problem in the order the fields were sent', () => {
    expect(jsonShapeProblem({ name: '测\u0000', junk: { 'k\u0000': 1 } }, 16)).toEqual({ code: 'nul_character', field: 'name' })
  })

  it('lets other control characters, lone surrogates and prototype keys through: both stores keep them', () => {
    expect(jsonShapeProblem({ name: '\u0001\u001F\uD800\u2028', ...JSON.parse('{"__proto__":{"x":1}}') as object }, 16)).toBeUndefined()
    expect(jsonShapeProblem(null, 1)).toBeUndefined()
    expect(jsonShapeProblem(12, 1)).toBeUndefined()
  })
})
