import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import request from 'supertest'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp } from '../support/app.ts'

const clientDir = mkdtempSync(join(tmpdir(), 'yidi-dist-'))
afterAll(() => rmSync(clientDir, { recursive: true, force: true }))

/** Writes a build like Vite's into clientDir, replacing what was there (a deploy). */
function deploy(version: string): void {
  rmSync(clientDir, { recursive: true, force: true })
  mkdirSync(join(clientDir, 'assets'), { recursive: true })
  writeFileSync(join(clientDir, 'index.html'), `<!doctype html><title>异地 ${version}</title><script type="module" src="/assets/index-${version}.js"></script>`)
  writeFileSync(join(clientDir, 'assets', `index-${version}.js`), `console.log('${version}')`)
  writeFileSync(join(clientDir, 'sw.js'), `// ${version}`)
  writeFileSync(join(clientDir, 'manifest.webmanifest'), '{"name":"异地就医备案"}')
}

const { app } = await createTestApp({ clientDir })
const html = 'text/html,application/xhtml+xml'

describe('serving the built app', () => {
  beforeEach(() => deploy('a'))

  it('serves index.html with a strict Content-Security-Policy and no caching', async () => {
    const response = await request(app).get('/').set('Accept', html)
    expect(response.status).toBe(200)
    expect(response.text).toContain('异地 a')
    const csp = response.headers['content-security-policy']
    expect(csp).toContain(`default-src 'self'`)
    expect(csp).toContain(`script-src 'self'`)
    expect(csp).toContain(`object-src 'none'`)
    expect(csp).toContain(`frame-ancestors 'none'`)
    expect(csp).not.toContain('unsafe-inline')
    expect(response.headers['cache-control']).toBe('no-cache')
  })

  it.each(['/counter', '/filing/new', '/lookup/some/deep/link'])('answers the deep link %s with index.html', async (path) => {
    const response = await request(app).get(path).set('Accept', html)
    expect(response.status).toBe(200)
    expect(response.type).toBe('text/html')
    expect(response.text).toContain('异地 a')
    expect(response.headers['cache-control']).toBe('no-cache')
  })

  it('never answers /api/* with HTML', async () => {
    const response = await request(app).get('/api/filings/unknown').set('Accept', html)
    expect(response.status).toBe(404)
    expect(response.type).toBe('application/problem+json')
  })

  it('caches hashed assets for a year and revalidates the service worker and manifest', async () => {
    const asset = await request(app).get('/assets/index-a.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const file of ['/sw.js', '/manifest.webmanifest'])
      expect((await request(app).get(file)).headers['cache-control']).toBe('no-cache')
  })

  it('answers a missing asset with 404, not index.html', async () => {
    const response = await request(app).get('/assets/index-gone.js').set('Accept', '*/*')
    expect(response.status).toBe(404)
    expect(response.text).not.toContain('异地 a')
  })

  it('serves a new deploy at once, without restarting', async () => {
    expect((await request(app).get('/counter').set('Accept', html)).text).toContain('异地 a')
    deploy('b')
    expect((await request(app).get('/counter').set('Accept', html)).text).toContain('异地 b')
    expect((await request(app).get('/assets/index-b.js')).status).toBe(200)
    expect((await request(app).get('/assets/index-a.js')).status).toBe(404)
  })
})

describe('a screen\'s own copy of index.html (naming that screen\'s files)', () => {
  const screenPage = '<!doctype html><title>异地 a</title><link rel="modulepreload" crossorigin href="/assets/FilingDetailView-a.js">'
  beforeEach(() => {
    deploy('a')
    mkdirSync(join(clientDir, 'routes'))
    writeFileSync(join(clientDir, 'routes', 'lookup_id.html'), screenPage)
    writeFileSync(join(clientDir, 'routes', 'lookup_id.html.br'), brotliCompressSync(screenPage))
    writeFileSync(join(clientDir, 'route-documents.json'), JSON.stringify([
      { pattern: '^\\/lookup\\/(?:[^/]+)\\/?$', document: 'routes/lookup_id.html' },
      { pattern: '^\\/?$', document: 'routes/missing.html' },
    ]))
  })

  it('answers a filing\'s page with the copy that names its files, compressed, never cached stale', async () => {
    const response = await request(app).get('/lookup/3f1c').set('Accept', html).set('Accept-Encoding', 'br')
    expect(response.status).toBe(200)
    expect(response.type).toBe('text/html')
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.text).toContain('FilingDetailView-a.js')
    expect(response.headers['cache-control']).toBe('no-cache')
  })

  it('answers a path no screen copy matches with index.html', async () => {
    const response = await request(app).get('/lookup/3f1c/print').set('Accept', html)
    expect(response.text).toContain('异地 a')
    expect(response.text).not.toContain('FilingDetailView-a.js')
  })

  it('answers with index.html when the table names a page the build lacks', async () => {
    const response = await request(app).get('/').set('Accept', html)
    expect(response.status).toBe(200)
    expect(response.text).toContain('异地 a')
  })

  it('reads a new table at the next navigation (parsed once per version of the file)', async () => {
    expect((await request(app).get('/lookup/3f1c').set('Accept', html)).text).toContain('FilingDetailView-a.js')
    writeFileSync(join(clientDir, 'route-documents.json'), JSON.stringify([{ pattern: '^\\/lookup\\/none$', document: 'routes/lookup_id.html' }]))
    expect((await request(app).get('/lookup/3f1c').set('Accept', html)).text).not.toContain('FilingDetailView-a.js')
  })

  it('answers with index.html when the table is not JSON', async () => {
    writeFileSync(join(clientDir, 'route-documents.json'), '{not json')
    const response = await request(app).get('/lookup/3f1c').set('Accept', html)
    expect(response.status).toBe(200)
    expect(response.text).not.toContain('FilingDetailView-a.js')
  })

  it('leaves requests that are not navigations alone', async () => {
    const response = await request(app).get('/lookup/3f1c').set('Accept', 'application/json')
    expect(response.status).toBe(404)
  })

  it('revalidates the copies when fetched by name', async () => {
    const response = await request(app).get('/routes/lookup_id.html')
    expect(response.status).toBe(200)
    expect(response.headers['cache-control']).toBe('no-cache')
  })
})
