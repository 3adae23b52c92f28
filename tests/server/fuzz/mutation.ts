import * as fc from 'fast-check'
import { hostileFragment, invalidUtf8 } from './hostileJson.ts'

/** One change to a valid body: a value replaced by hostile JSON or bytes, removed, or put in a list. */
export type Change =
  | { kind: 'replace', text: string }
  | { kind: 'bytes', bytes: Buffer }
  | { kind: 'delete' }
  | { kind: 'wrap' }
  | { kind: 'none' }

export interface Mutation {
  /** Which value of the body changes (modulo the number of values it has, the root included). */
  pathIndex: number
  change: Change
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  pathIndex: fc.nat(),
  change: fc.oneof(
    { weight: 8, arbitrary: hostileFragment.map((text): Change => ({ kind: 'replace', text })) },
    { weight: 1, arbitrary: invalidUtf8.map((bytes): Change => ({ kind: 'bytes', bytes })) },
    { weight: 1, arbitrary: fc.constant<Change>({ kind: 'delete' }) },
    // Arrays where objects go, and a list where one value goes.
    { weight: 1, arbitrary: fc.constant<Change>({ kind: 'wrap' }) },
    { weight: 1, arbitrary: fc.constant<Change>({ kind: 'none' }) },
  ),
})

type Path = (string | number)[]

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const children = Array.isArray(value)
    ? value.flatMap((item, index) => pathsOf(item, [...prefix, index]))
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))
      : []
  return [prefix, ...children]
}

const HOLE = '@@fuzz-hole@@'

function withHole(value: unknown, path: Path, replacement: (current: unknown) => unknown): unknown {
  if (path.length === 0)
    return replacement(value)
  const [head, ...rest] = path
  if (Array.isArray(value))
    return value.map((item, index) => (index === head ? withHole(item, rest, replacement) : item))
  const record = value as Record<string, unknown>
  const next = withHole(record[head as string], rest, replacement)
  const copy = { ...record }
  if (next === undefined)
    delete copy[head as string]
  else
    copy[head as string] = next
  return copy
}

/** The body's bytes after the change; a replaced value goes in as written, not re-encoded. */
export function mutatedJson(template: unknown, mutation: Mutation): Buffer {
  const paths = pathsOf(template)
  const path = paths[mutation.pathIndex % paths.length]!
  const { change } = mutation
  if (change.kind === 'none')
    return Buffer.from(JSON.stringify(template))
  if (change.kind === 'delete')
    return Buffer.from(JSON.stringify(withHole(template, path, () => undefined)) ?? '')
  if (change.kind === 'wrap')
    return Buffer.from(JSON.stringify(withHole(template, path, current => [current])))
  const [before, after] = JSON.stringify(withHole(template, path, () => HOLE)).split(`"${HOLE}"`)
  const inserted = change.kind === 'replace' ? Buffer.from(change.text) : Buffer.concat([Buffer.from('"'), change.bytes, Buffer.from('"')])
  return Buffer.concat([Buffer.from(before ?? ''), inserted, Buffer.from(after ?? '')])
}
