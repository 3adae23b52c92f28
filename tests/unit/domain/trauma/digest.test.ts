import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { traumaSignPayloadSchema } from '../../../../src/domain/schemas/trauma'
import { canonicalJson } from '../../../../src/domain/trauma/canonicalJson'
import { signaturePngBase64, traumaDigestInput } from '../../../../src/domain/trauma/digest'
import { signatureProblem } from '../../../../src/domain/trauma/signatureStrokes'
import { traumaSign } from '../schemas/fixtures'

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

function digestOf(payload: Record<string, unknown>): string {
  const parsed = traumaSignPayloadSchema.parse(payload)
  return sha256(traumaDigestInput(parsed, sha256(Buffer.from(signaturePngBase64(parsed.signature), 'base64'))))
}

const STROKES = [[{ x: 10, y: 10, t: 0 }, { x: 60, y: 30, t: 40 }]]

describe('tamper evidence of a trauma commitment (issue: canonical form + PNG + strokes under SHA-256)', () => {
  it('canonical JSON sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}')
  })

  it('the same commitment gives the same digest, whatever the key order', () => {
    const payload = traumaSign({ strokes: STROKES })
    const reordered = Object.fromEntries(Object.entries(payload).toReversed())
    expect(digestOf(reordered)).toBe(digestOf(payload))
  })

  it.each([
    ['a field of the form', { place: '深圳市福田区公园' }],
    ['the injury hour', { injuredHour: 15 }],
    ['a stroke', { strokes: [[{ x: 10, y: 10, t: 0 }, { x: 61, y: 30, t: 40 }]] }],
    ['the signature image', { signature: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==' }],
  ])('any change to %s changes the digest', (_what, change) => {
    expect(digestOf(traumaSign({ strokes: STROKES, ...change }))).not.toBe(digestOf(traumaSign({ strokes: STROKES })))
  })

  it('leaves the evidence itself out of the signed form', () => {
    const payload = traumaSignPayloadSchema.parse(traumaSign({ strokes: STROKES }))
    const input = traumaDigestInput({ ...payload, digest: 'a'.repeat(64) }, 'b'.repeat(64))
    expect(input).toBe(traumaDigestInput(payload, 'b'.repeat(64)))
    expect(input.split('\n')[1]).not.toContain('data:image/png')
  })
})

describe('a handwritten signature must be a signature', () => {
  it('refuses an empty pad and a dot, accepts a written name', () => {
    expect(signatureProblem([])).toBe('请在签名框内手写签名')
    expect(signatureProblem([[{ x: 5, y: 5, t: 0 }, { x: 6, y: 6, t: 10 }]])).toMatch(/签名过短/)
    const written = [Array.from({ length: 30 }, (_, n) => ({ x: 10 + n * 6, y: 40 + Math.sin(n) * 20, t: n * 16 }))]
    expect(signatureProblem(written)).toBeUndefined()
  })
})
