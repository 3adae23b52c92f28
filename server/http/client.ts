import { resolve } from 'node:path'
import express from 'express'
import type { RequestHandler, Response, Router } from 'express'

// Files whose names stay the same across deploys: the browser must revalidate them every time,
// or an installed app would keep an old service worker or an index.html naming deleted chunks.
const REVALIDATE = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest'])

function setCacheHeaders(res: Response, file: string): void {
  const relative = file.replaceAll('\\', '/')
  if (/\/assets\/[^/]+$/.test(relative))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
  else if (REVALIDATE.has(relative.slice(relative.lastIndexOf('/') + 1)))
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

/**
 * Serves the built PWA from `clientDir`, reading files from disk on every request so that a
 * deploy (replacing the directory's contents) is visible at once. Hashed `assets/*` are cached
 * for a year; `index.html`, the service worker and the manifest are revalidated. Deep links
 * (`/counter`, `/filing/new`) get index.html; `/api/*` never does.
 */
export function serveClient(clientDir: string): Router {
  const root = resolve(clientDir)
  const router = express.Router()
  router.use(express.static(root, { index: 'index.html', setHeaders: setCacheHeaders }))
  const spaFallback: RequestHandler = (req, res, next) => {
    if (!isNavigation(req.path, req.method, req.get('accept'))) {
      next()
      return
    }
    res.setHeader('Cache-Control', 'no-cache')
    // Missing index.html (no build yet) falls through to the next handler instead of a 500.
    res.sendFile('index.html', { root }, error => error ? next() : undefined)
  }
  router.use(spaFallback)
  return router
}
