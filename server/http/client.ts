import { resolve } from 'node:path'
import express from 'express'
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express'
import { chooseEncoding, PRECOMPRESSED_SUFFIX, servePrecompressed } from './precompressed.ts'
import { ROUTE_DOCUMENTS_FILE, routeDocumentFor } from './routeDocuments.ts'

// Files outside assets/ whose names stay the same across deploys, or that the service worker
// loads (workbox's runtime, the background-sync script, which the browser takes from its HTTP
// cache when checking for an update): revalidated every time, or an installed app would keep an
// old service worker or an index.html naming deleted chunks. So are the screens' copies of
// index.html (routes/*.html) and their table.
const REVALIDATE = /^(?:index\.html|sw\.js|registerSW\.js|sw-[\w-]+\.js|workbox-[\w-]+\.js|manifest\.webmanifest)$/

function setCacheHeaders(res: Response, file: string): void {
  const relative = file.replaceAll('\\', '/').replace(PRECOMPRESSED_SUFFIX, '')
  if (/\/assets\/[^/]+$/.test(relative))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
  else if (REVALIDATE.test(relative.slice(relative.lastIndexOf('/') + 1)) || /\/routes\/[^/]+\.html$/.test(relative) || relative.endsWith(`/${ROUTE_DOCUMENTS_FILE}`))
    res.setHeader('Cache-Control', 'no-cache')
  else
    res.setHeader('Cache-Control', 'public, max-age=3600')
}

/** A navigation: GET/HEAD asking for HTML, outside the API and outside hashed assets. */
function isNavigation(path: string, method: string, accept: string | undefined): boolean {
  return (method === 'GET' || method === 'HEAD')
    && !path.startsWith('/api/') && path !== '/api'
    && !path.startsWith('/assets/')
    && (accept ?? '').includes('text/html')
}

/** Sends a page of the build, never cached stale; a missing one (no build yet) falls through instead of a 500. */
function sendDocument(req: Request, res: Response, next: NextFunction, root: string, file: string): void {
  res.setHeader('Cache-Control', 'no-cache')
  res.sendFile(chooseEncoding(req, res, root, file), { root }, (error) => {
    if (!error)
      return
    res.removeHeader('Content-Encoding')
    next()
  })
}

/**
 * Serves the built PWA from `clientDir`, reading files from disk on every request so that a
 * deploy (replacing the directory's contents) is visible at once. Hashed `assets/*` are cached
 * for a year; `index.html`, the service worker and the manifest are revalidated. Each file goes
 * out brotli- or gzip-compressed when the build wrote that copy and the browser accepts it. Deep links
 * (`/counter`, `/filing/new`) get index.html; `/api/*` never does.
 */
export function serveClient(clientDir: string): Router {
  const root = resolve(clientDir)
  const router = express.Router()
  // A screen's own copy of index.html, naming its files, before a file of the same path (`/`).
  router.use((req, res, next) => {
    const document = isNavigation(req.path, req.method, req.get('accept')) ? routeDocumentFor(root, req.path) : undefined
    if (!document)
      return next()
    sendDocument(req, res, next, root, document)
  })
  router.use(servePrecompressed(root, 'index.html'))
  router.use(express.static(root, { index: 'index.html', setHeaders: setCacheHeaders }))
  const spaFallback: RequestHandler = (req, res, next) => {
    if (!isNavigation(req.path, req.method, req.get('accept'))) {
      next()
      return
    }
    sendDocument(req, res, next, root, 'index.html')
  }
  router.use(spaFallback)
  return router
}
