import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The repository root, so paths in failures read as `src/features/…`. */
export const ROOT = join(import.meta.dirname, '../../..')

/** Every `.vue` and `.ts` file under the given folders, as paths relative to the repository root. */
export function sourceFiles(...folders: string[]): string[] {
  return folders.flatMap(folder => readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.vue') || file.endsWith('.ts'))
    .map(file => relative(ROOT, join(ROOT, folder, file)).replaceAll('\\', '/')))
}

export function readSource(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
}

/** Flattens nested messages to `group.key → text`. */
export function flatten(messages: object, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>()
  for (const [key, value] of Object.entries(messages)) {
    if (value !== null && typeof value === 'object')
      for (const [inner, text] of flatten(value, `${prefix}${key}.`)) flat.set(inner, text)
    else
      flat.set(`${prefix}${key}`, value)
  }
  return flat
}
