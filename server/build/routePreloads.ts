import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown'
import type { Plugin } from 'vite'
import { ROUTE_DOCUMENTS_FILE, type RouteDocument } from '../http/routeDocuments.ts'
import { pathPattern, readRouteTable } from './routeTable.ts'


/**
 * Writes, next to index.html, one copy of it per screen of the router that names that screen's
 * own scripts and stylesheets (`modulepreload`, `preload as=style`), and a table of which copy
 * goes with which path. Without it a first visit fetches index.html, then its scripts, and only
 * when they have run learns which screen's files it needs: one more round trip on a slow
 * network before anything is drawn. The copies are compressed like every other page (brotli and
 * gzip) and stay out of the service worker's precache: an installed app has every file already.
 */
export function routePreloads(routerFile: string): Plugin {
  // Vite's `base` (YIDI_BASE): the links name the files where index.html names them.
  let base = '/'
  return {
    name: 'yidi:route-preloads',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.html']
      if (!index || index.type !== 'asset')
        return
      const html = String(index.source)
      const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk')
      const entry = chunks.find(chunk => chunk.isEntry)
      if (!entry)
        return
      const loadedByIndex = staticClosure(entry, bundle)
      const table: RouteDocument[] = []
      for (const screen of readRouteTable(routerFile)) {
        const pattern = pathPattern(screen.path)
        const roots = screen.components.map(component => chunks.find(chunk => chunk.facadeModuleId === component))
        if (!pattern || roots.some(chunk => !chunk))
          continue
        const needed = new Set<OutputChunk>()
        for (const chunk of roots)
          staticClosure(chunk!, bundle).forEach(file => needed.add(file))
        const scripts = [...needed].filter(chunk => !loadedByIndex.has(chunk))
        const styles = new Set(scripts.flatMap(chunk => [...(chunk.viteMetadata?.importedCss ?? [])]))
        const links = [
          ...scripts.map(chunk => `<link rel="modulepreload" crossorigin href="${base}${chunk.fileName}">`),
          ...[...styles].map(file => `<link rel="preload" as="style" crossorigin href="${base}${file}">`),
        ].join('')
        const document = `routes/${screen.path.replace(/[^\w-]+/g, '_').replace(/^_|_$/g, '') || 'home'}.html`
        emitPage(this, document, html.replace('</head>', `${links}</head>`))
        table.push({ pattern: pattern.source, document })
      }
      this.emitFile({ type: 'asset', fileName: ROUTE_DOCUMENTS_FILE, source: `${JSON.stringify(table, null, 1)}\n` })
    },
  }
}

/** A chunk and every chunk it imports statically, however deep. */
function staticClosure(chunk: OutputChunk, bundle: OutputBundle, seen = new Set<OutputChunk>()): Set<OutputChunk> {
  if (seen.has(chunk))
    return seen
  seen.add(chunk)
  for (const file of chunk.imports) {
    const imported = bundle[file]
    if (imported?.type === 'chunk')
      staticClosure(imported, bundle, seen)
  }
  return seen
}

type EmitContext = { emitFile: (file: Pick<OutputAsset, 'type' | 'fileName' | 'source'>) => string }

function emitPage(context: EmitContext, fileName: string, html: string): void {
  const source = Buffer.from(html)
  context.emitFile({ type: 'asset', fileName, source: html })
  context.emitFile({ type: 'asset', fileName: `${fileName}.br`, source: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }) })
  context.emitFile({ type: 'asset', fileName: `${fileName}.gz`, source: gzipSync(source, { level: 9 }) })
}

