import type { TypedSchema, TypedSchemaError } from 'vee-validate'
import type { z } from 'zod/v4'

/** A zod issue's path in vee-validate's syntax: `materials[0].kind`. */
function formPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((joined, key) => {
    if (typeof key === 'number')
      return `${joined}[${key}]`
    return joined ? `${joined}.${String(key)}` : String(key)
  }, '')
}

/**
 * vee-validate's typed schema over a rulebook (zod 4) schema: the form is checked by the same
 * schema as the server, and each message lands on its field. (vee-validate's own zod adapter
 * speaks zod 3.)
 */
export function zodTypedSchema<TSchema extends z.ZodType>(schema: TSchema): TypedSchema<z.input<TSchema>, z.output<TSchema>> {
  return {
    __type: 'VVTypedSchema',
    async parse(values) {
      const result = await schema.safeParseAsync(values)
      if (result.success)
        return { value: result.data, errors: [] }
      const byPath = new Map<string, TypedSchemaError>()
      for (const issue of result.error.issues) {
        const path = formPath(issue.path)
        const entry = byPath.get(path) ?? { path, errors: [] }
        entry.errors.push(issue.message)
        byPath.set(path, entry)
      }
      return { errors: [...byPath.values()] }
    },
  }
}
