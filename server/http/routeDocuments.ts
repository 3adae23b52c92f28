import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Where the build writes which page goes with which path (server/build/routePreloads.ts). */
export const ROUTE_DOCUMENTS_FILE = 'route-documents.json'

/** One line of ROUTE_DOCUMENTS_FILE: a path pattern (RegExp source) and the page to send for it. */
export interface RouteDocument {
  pattern: string
  document: string
}

interface CompiledTable {
  stamp: string
  entries: { pattern: RegExp, document: string }[]
}

const compiled = new Map<string, CompiledTable>()

/** The table of a build, parsed and checked once per version of the file (its mtime and size). */
function tableOf(root: string): CompiledTable['entries'] {
  const file = join(root, ROUTE_DOCUMENTS_FILE)
  let stamp: string
  try {
    const stat = statSync(file)
    stamp = `${stat.mtimeMs}:${stat.size}`
  }
  catch {
    return []
  }
  const known = compiled.get(root)
  if (known?.stamp === stamp)
    return known.entries
  let table: unknown
  try {
    table = JSON.parse(readFileSync(file, 'utf8'))
  }
  catch {
    table = []
  }
  const entries: CompiledTable['entries'] = []
  for (const entry of Array.isArray(table) ? table as Partial<RouteDocument>[] : []) {
    if (typeof entry?.pattern !== 'string' || typeof entry.document !== 'string' || !/^routes\/[\w-]+\.html$/.test(entry.document))
      continue
    try {
      entries.push({ pattern: new RegExp(entry.pattern), document: entry.document })
    }
    catch {
      // A pattern that does not compile names no screen.
    }
  }
  compiled.set(root, { stamp, entries })
  return entries
}

/**
 * The page to send for a navigation to `path`: the copy of index.html that names that screen's
 * own files (server/build/routePreloads.ts), or undefined when no screen of the build has this
 * path (then index.html as before). The table is parsed once per version of the file, checked by
 * a stat on every navigation, so a deploy's new table counts at once, as its new files do.
 */
export function routeDocumentFor(root: string, path: string): string | undefined {
  return tableOf(root).find(entry => entry.pattern.test(path))?.document
}
