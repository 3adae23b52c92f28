import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Request, RequestHandler, Response } from 'express'

/** Encodings the build writes next to a file (server/build/precompressAssets.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

/** The suffix a precompressed copy adds, so cache rules can be decided on the original's name. */
export const PRECOMPRESSED_SUFFIX = /\.(?:br|gz)$/

/**
 * Picks the precompressed copy of `file` (relative to `root`) that this request accepts, and
 * sets the headers that go with it; returns the name of the file to send. Looked up on disk on
 * every request, not once at start-up (as express-static-gzip does), so a deploy's new files are
 * compressed at once and a server started before its first build still compresses that build.
 */
export function chooseEncoding(req: Request, res: Response, root: string, file: string): string {
  const available = ENCODINGS.filter(({ suffix }) => existsSync(join(root, file + suffix)))
  if (available.length === 0)
    return file
  // The bytes depend on Accept-Encoding: caches in between must keep one copy per encoding.
  res.append('Vary', 'Accept-Encoding')
  // The smallest the browser accepts: brotli before gzip whatever order it lists them in.
  const chosen = available.find(({ name }) => req.acceptsEncodings(name) === name)
  if (!chosen)
    return file
  // serve-static and sendFile keep a Content-Type set beforehand: the .br file goes out as
  // JavaScript (or CSS, HTML…), not as a download.
  res.type(file.slice(file.lastIndexOf('.')))
  res.setHeader('Content-Encoding', chosen.name)
  return file + chosen.suffix
}

/**
 * Before express.static: points a GET for a built file at its precompressed copy when the
 * browser accepts one. A path with `..` is left to express.static, which refuses it.
 */
export function servePrecompressed(root: string, index: string): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return next()
    let path: string
    try {
      path = decodeURIComponent(req.path)
    }
    catch {
      return next()
    }
    if (path.split('/').includes('..'))
      return next()
    const file = path.endsWith('/') ? path + index : path
    if (!existsSync(join(root, file)))
      return next()
    const sent = chooseEncoding(req, res, root, file)
    if (sent !== file)
      req.url = encodeURI(sent) + req.url.slice(req.path.length)
    next()
  }
}
