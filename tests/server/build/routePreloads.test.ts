import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { routePreloads } from '../../../server/build/routePreloads.ts'
import type { RouteDocument } from '../../../server/http/routeDocuments.ts'

const root = resolve(import.meta.dirname, '../../..')
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true })
const workDir = mkdtempSync(join(root, 'node_modules/.cache/yidi-route-preloads-'))
const outDir = join(workDir, 'dist')
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

// Two screens in the router's shape: each lazy, each with its own script, one with a stylesheet.
beforeAll(async () => {
  const source = join(workDir, 'source')
  mkdirSync(source)
  const write = (file: string, text: string) => writeFileSync(join(source, file), text)
  write('index.html', '<!doctype html><html><head><title>异地</title></head><body><script type="module" src="./main.js"></script></body></html>')
  write('main.js', `import { router } from './router.js'\nrouter.routes.find(route => route.path === location.pathname)?.component().then(screen => screen.show())\n`)
  write('router.js', `export const router = {\n  routes: [\n    { path: '/filing', component: () => import('./FilingHome.js') },\n    { path: '/lookup/:id', component: () => import('./FilingDetail.js') },\n  ],\n}\n`)
  write('FilingHome.js', `import './filingHome.css'\nimport { hero } from './hero.js'\nexport function show() { document.body.append(hero()) }\n`)
  write('filingHome.css', `.hero { color: teal }\n`)
  write('hero.js', `export function hero() { const p = document.createElement('p'); p.className = 'hero'; p.textContent = '跨省异地就医前先备案'; return p }\n`)
  write('FilingDetail.js', `import { qr } from './qr.js'\nexport function show() { document.body.append(qr(location.pathname)) }\n`)
  write('qr.js', `export function qr(text) { const img = document.createElement('img'); img.alt = text; return img }\n`)
  await build({
    root: source,
    configFile: false,
    logLevel: 'silent',
    plugins: [routePreloads(join(source, 'router.js'))],
    build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } },
  })
}, 60_000)

const table = (): RouteDocument[] => JSON.parse(readFileSync(join(outDir, 'route-documents.json'), 'utf8')) as RouteDocument[]
const page = (path: string) => {
  const entry = table().find(line => new RegExp(line.pattern).test(path))
  return entry ? readFileSync(join(outDir, entry.document), 'utf8') : undefined
}
const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/assets\/([\w-]+)-[\w-]+\.js">/g)].map(match => match[1])

describe('the pages that name a screen\'s own files', () => {
  it('names the home screen\'s scripts and stylesheet, and not the filing page\'s', () => {
    const html = page('/filing')!
    expect(preloads(html)).toEqual(expect.arrayContaining(['FilingHome']))
    expect(preloads(html)).not.toContain('FilingDetail')
    expect(html).toMatch(/<link rel="preload" as="style" crossorigin href="\/assets\/FilingHome-[\w-]+\.css">/)
  })

  it('names a filing page\'s scripts for any filing id', () => {
    expect(preloads(page('/lookup/3f1c')!)).toContain('FilingDetail')
    expect(page('/lookup/3f1c/print')).toBeUndefined()
  })

  it('keeps index.html as it was, with the links before </head>', () => {
    const index = readFileSync(join(outDir, 'index.html'), 'utf8')
    expect(index).not.toContain('FilingHome')
    const html = page('/filing')!
    expect(html.indexOf('FilingHome')).toBeLessThan(html.indexOf('</head>'))
    expect(html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')).toBe(index)
  })

  it('writes each page brotli- and gzip-compressed as well', () => {
    expect(table()).toHaveLength(2)
    for (const { document } of table()) {
      expect(existsSync(join(outDir, `${document}.br`))).toBe(true)
      expect(existsSync(join(outDir, `${document}.gz`))).toBe(true)
    }
  })
})
