/**
 * `npm run bench:bundle`: builds the client and prints, per route, the JS and CSS a first visit
 * downloads (gzipped), and the service worker's precache size. Figures only; nothing fails.
 */
import { readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Manifest } from 'vite'

const root = resolve(import.meta.dirname, '..')
const outDir = join(tmpdir(), `yidi-bundle-${process.pid}`)

// Route → the lazy modules the router loads for it (layout, then view).
const ROUTES: Record<string, string[]> = {
  '/filing (insured entry)': ['src/components/InsuredLayout.vue', 'src/features/filing/FilingHomeView.vue'],
  '/lookup': ['src/components/InsuredLayout.vue', 'src/features/lookup/LookupHomeView.vue'],
  '/refund': ['src/components/InsuredLayout.vue', 'src/features/refund/RefundHomeView.vue'],
  '/me': ['src/components/InsuredLayout.vue', 'src/features/account/AccountView.vue'],
  '/counter': ['src/features/counter/CounterLayout.vue', 'src/features/counter/verify/CounterVerifyView.vue'],
}
const TARGETS = { js: 120 * 1024, css: 25 * 1024, precache: 1024 * 1024 }

await build({
  root,
  logLevel: 'error',
  build: { outDir, emptyOutDir: true, manifest: true },
})
const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest
const gzipped = new Map<string, number>()
function gzipSize(file: string): number {
  if (!gzipped.has(file))
    gzipped.set(file, gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length)
  return gzipped.get(file)!
}

/** Files a module needs before it runs: itself, its static imports, and their CSS. */
function collect(key: string, files: Set<string>): void {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file))
    return
  files.add(chunk.file)
  for (const css of chunk.css ?? [])
    files.add(css)
  for (const imported of chunk.imports ?? [])
    collect(imported, files)
}

const entry = Object.keys(manifest).find(key => manifest[key]?.isEntry)!
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
console.log('First visit, gzipped (entry + the route\'s lazy chunks):')
console.log('route'.padEnd(26), 'JS'.padStart(10), 'CSS'.padStart(10), 'JS/target'.padStart(10), 'CSS/target'.padStart(11))
for (const [route, modules] of Object.entries(ROUTES)) {
  const files = new Set<string>()
  collect(entry, files)
  for (const module of modules)
    collect(module, files)
  const sum = (ext: string) => [...files].filter(file => file.endsWith(ext)).reduce((total, file) => total + gzipSize(file), 0)
  const js = sum('.js')
  const css = sum('.css')
  console.log(route.padEnd(26), kb(js).padStart(10), kb(css).padStart(10), `${(js / TARGETS.js * 100).toFixed(0)}%`.padStart(10), `${(css / TARGETS.css * 100).toFixed(0)}%`.padStart(11))
}

const sw = readFileSync(join(outDir, 'sw.js'), 'utf8')
const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map(match => match[1]!)
const precacheBytes = precached.reduce((total, url) => total + statSync(join(outDir, url)).size, 0)
console.log(`\nPrecache: ${precached.length} files, ${kb(precacheBytes)} (${(precacheBytes / TARGETS.precache * 100).toFixed(0)}% of the 1 MB target)`)
console.log(`Targets: insured entry JS ≤ ${kb(TARGETS.js)}, CSS ≤ ${kb(TARGETS.css)}, precache ≤ 1 MB`)
rmSync(outDir, { recursive: true, force: true })
