/**
 * What makes a parsed JSON value unsafe to work on, found before any other work: nesting deeper
 * than a limit (JSON.parse copes with 5,000 levels, but JSON.stringify, hashing and validation
 * then overflow the stack), or a NUL character (U+0000), which PostgreSQL text and jsonb cannot
 * hold while SQLite can — refused here so both stores answer alike.
 */
export interface JsonShapeProblem {
  code: 'too_deep' | 'nul_character'
  /** Dotted path of the value at fault, as zod names fields (`materials.0.fileRef`); '' for the root. */
  field: string
}

interface Frame {
  value: unknown
  depth: number
  key: string | undefined
  parent: Frame | undefined
}

const NUL = '\u0000'

function fieldOf(frame: Frame | undefined): string {
  const keys: string[] = []
  for (let at = frame; at?.key !== undefined; at = at.parent)
    keys.push(at.key)
  return keys.toReversed().join('.')
}

/**
 * The first problem in `value` (objects and arrays count one level each; the root is level 1),
 * or undefined. Walks with an explicit stack, so hostile nesting cannot overflow this check too.
 */
export function jsonShapeProblem(value: unknown, maxDepth: number): JsonShapeProblem | undefined {
  const stack: Frame[] = [{ value, depth: 1, key: undefined, parent: undefined }]
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const current = frame.value
    if (typeof current === 'string') {
      if (current.includes(NUL))
        return { code: 'nul_character', field: fieldOf(frame) }
      continue
    }
    if (typeof current !== 'object' || current === null)
      continue
    if (frame.depth > maxDepth)
      return { code: 'too_deep', field: fieldOf(frame) }
    const entries = Array.isArray(current) ? current.map((item, index) => [String(index), item] as const) : Object.entries(current)
    // Pushed last to first, so fields are checked in the order they were sent.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, item] = entries[index]!
      if (key.includes(NUL))
        return { code: 'nul_character', field: fieldOf(frame) }
      stack.push({ value: item, depth: frame.depth + 1, key, parent: frame })
    }
  }
  return undefined
}

/** The zh-CN sentence a person reads for a NUL character. */
export const NUL_CHARACTER_MESSAGE = '内容含有无法保存的控制字符（U+0000），请删除后重新填写'
