import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressAssets } from '../../../server/build/precompressAssets.ts'
import { createTestApp } from '../support/app.ts'

const root = resolve(import.meta.dirname, '../../..')
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true })
const workDir = mkdtempSync(join(root, 'node_modules/.cache/yidi-precompress-'))
const outDir = join(workDir, 'dist')
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

// A small app in the shape of the real one: index.html, a hashed script, the service worker files.
beforeAll(async () => {
  const source = join(workDir, 'source')
  mkdirSync(source)
  writeFileSync(join(source, 'index.html'), `<!doctype html><html lang="zh-CN"><title>异地就医备案</title><script type="module" src="./main.js"></script>${'<p>参保地与就医地</p>'.repeat(80)}</html>`)
  const rules = Array.from({ length: 200 }, (_, n) => `  { article: '第${n}条', text: '异地长期居住人员备案后可在就医地直接结算 ${n}' },`).join('\n')
  writeFileSync(join(source, 'main.js'), `const rules = [\n${rules}\n]\ndocument.title = rules[Number(location.hash.slice(1)) || 0].text\n`)
  await build({
    root: source,
    configFile: false,
    logLevel: 'silent',
    plugins: [precompressAssets()],
    build: { outDir, emptyOutDir: true },
  })
  writeFileSync(join(outDir, 'sw.js'), `self.addEventListener('install', () => {})\n${'// 新版本可用\n'.repeat(100)}`)
  writeFileSync(join(outDir, 'workbox-1a2b3c4d.js'), '// workbox')
}, 60_000)

const { app } = await createTestApp({ clientDir: outDir })
let server: Server
let base: string
beforeAll(async () => {
  server = app.listen(0, '127.0.0.1')
  await new Promise<void>(done => server.once('listening', () => done()))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>(done => server.close(() => done())))

/** A GET that keeps the body as sent (fetch and supertest would decode it). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number, headers: Record<string, string | string[] | undefined>, body: Buffer }> {
  return new Promise((done, fail) => {
    const request = httpRequest(`${base}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => done({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
    })
    request.on('error', fail)
    request.end()
  })
}

const script = () => `/assets/${readdirSync(join(outDir, 'assets')).find(file => file.endsWith('.js'))!}`
const original = (path: string) => readFileSync(join(outDir, path))

describe('a first visit downloads compressed files', () => {
  it('sends a hashed script as brotli to a browser that accepts it, cached for a year, decoding to the built file', async () => {
    const response = await get(script(), { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/)
    expect(response.headers.vary).toMatch(/Accept-Encoding/i)
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.body.length).toBeLessThan(original(script()).length / 3)
    expect(brotliDecompressSync(response.body).equals(original(script()))).toBe(true)
  })

  it('sends gzip to a browser without brotli', async () => {
    const response = await get(script(), { 'accept-encoding': 'gzip' })
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers.vary).toMatch(/Accept-Encoding/i)
    expect(gunzipSync(response.body).equals(original(script()))).toBe(true)
  })

  it('sends the file itself to a client that accepts no encoding', async () => {
    const response = await get(script(), { 'accept-encoding': 'identity' })
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers.vary).toMatch(/Accept-Encoding/i)
    expect(response.body.equals(original(script()))).toBe(true)
  })

  it.each(['/', '/filing', '/counter/sign-in'])('sends index.html compressed and never cached stale at %s', async (path) => {
    const response = await get(path, { 'accept': 'text/html', 'accept-encoding': 'gzip, br' })
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(brotliDecompressSync(response.body).equals(original('index.html'))).toBe(true)
  })

  it.each(['/sw.js', '/workbox-1a2b3c4d.js'])('revalidates the service worker\'s file %s on every visit', async (path) => {
    const response = await get(path, { 'accept-encoding': 'gzip, br' })
    expect(response.status).toBe(200)
    expect(response.headers['cache-control']).toBe('no-cache')
  })
})
