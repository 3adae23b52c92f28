import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the build writes which page goes with which path (server/build/routePreloads.ts). */
export const ROUTE_DOCUMENTS_FILE = 'route-documents.json'

/** One line of ROUTE_DOCUMENTS_FILE: a path pattern (RegExp source) and the page to send for it. */
export interface RouteDocument {
  pattern: string
  document: string
}

/**
 * The page to send for a navigation to `path`: the copy of index.html that names that screen's
 * own files (server/build/routePreloads.ts), or undefined when no screen of the build has this
 * path (then index.html as before). The table is read from the build on every navigation, so a
 * deploy's new table counts at once, as its new files do.
 */
export function routeDocumentFor(root: string, path: string): string | undefined {
  let table: RouteDocument[]
  try {
    table = JSON.parse(readFileSync(join(root, ROUTE_DOCUMENTS_FILE), 'utf8')) as RouteDocument[]
  }
  catch {
    return undefined
  }
  if (!Array.isArray(table))
    return undefined
  for (const entry of table) {
    if (typeof entry?.pattern !== 'string' || typeof entry.document !== 'string' || !/^routes\/[\w-]+\.html$/.test(entry.document))
      continue
    try {
      if (new RegExp(entry.pattern).test(path))
        return entry.document
    }
    catch {
      continue
    }
  }
  return undefined
}
