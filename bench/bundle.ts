/**
 * `npm run bench:bundle`: what a phone downloads on a first visit, measured in Chromium against
 * the built app on the real server. Per route it prints the JS the browser fetched before the
 * first screen was interactive (bytes on the wire as the server sent them, and the same files
 * gzipped at level 9, the figure the 100 KB goal is written in), the CSS, and what the page
 * fetched after that (the sync engine, the update prompt), and the fonts. Then the service
 * worker's precache. Figures only; nothing fails. BENCH_FILES=1 lists each route's files;
 * BENCH_CLIENT_DIR measures a build made beforehand (to compare two builds on the same machine state).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { build } from 'vite'
import { startAppServer, type AppServer } from '../tests/e2e/support/appServer.ts'
import { chromiumLaunchOptions } from '../tests/e2e/support/chromium.ts'
import { seedFiling, TRAVELLER } from '../tests/e2e/support/seedFiling.ts'
import { signInCounter, signInInsured } from '../tests/e2e/support/signIn.ts'

const TARGETS = { js: 100 * 1024, precache: 1024 * 1024 }

interface RouteVisit {
  label: string
  /** Signs in (or seeds) first, in the same context, then forgets the HTTP cache; returns the path to open. */
  prepare?: (page: Page, app: AppServer) => Promise<string>
  path?: string
  /** What a person sees once the screen is usable. */
  ready: string
}

const ROUTES: RouteVisit[] = [
  { label: '/ (→ /filing)', path: '/', ready: '[data-test="start-filing"]' },
  { label: '/lookup', path: '/lookup', ready: '.insured-layout__main > *' },
  { label: '/refund', path: '/refund', ready: '.insured-layout__main > *' },
  { label: '/me', path: '/me', ready: '.insured-layout__main > *' },
  { label: '/counter/sign-in', path: '/counter/sign-in', ready: 'input[name="username"]' },
  {
    label: '/lookup/:id (signed in)',
    ready: '[data-test="filing-status"]',
    async prepare(page, app) {
      await seedFiling(app.url)
      await signInInsured(page, app.url, TRAVELLER)
      await page.goto(`${app.url}/lookup`)
      const link = page.locator('[data-test="filing-card"]').first()
      await link.waitFor({ timeout: 20_000 })
      return (await link.getAttribute('href'))!
    },
  },
  {
    label: '/counter (signed in)',
    ready: '[data-test="credential-input"]',
    async prepare(page, app) {
      await signInCounter(page, app)
      return '/counter'
    },
  },
]

interface Fetched { url: string, startTime: number, transferSize: number, encodedBodySize: number }

const root = join(import.meta.dirname, '..')
const buildDir = process.env.BENCH_CLIENT_DIR ?? mkdtempSync(join(tmpdir(), 'yidi-bench-bundle-'))
if (!process.env.BENCH_CLIENT_DIR) {
  console.log('building the client…')
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir: buildDir, emptyOutDir: true } })
}

const gzipped = new Map<string, number>()
function gzipSize(path: string): number {
  if (!gzipped.has(path))
    gzipped.set(path, gzipSync(readFileSync(join(buildDir, path)), { level: 9 }).length)
  return gzipped.get(path)!
}

/** Opens `path` in a fresh page and splits what it fetched at the moment `ready` showed with the page loaded. */
async function visit(context: BrowserContext, app: AppServer, route: RouteVisit): Promise<{ before: Fetched[], after: Fetched[] }> {
  const page = await context.newPage()
  let path = route.path ?? '/'
  if (route.prepare) {
    path = await route.prepare(page, app)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.clearBrowserCache')
    await page.goto('about:blank')
  }
  // The moment the screen's landmark enters the DOM, taken by an observer installed before the
  // app's first script runs (polling from here would lag behind what the page fetches on idle).
  await page.addInitScript((selector) => {
    const scope = window as unknown as { yidiLandmarkAt?: number }
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        scope.yidiLandmarkAt = performance.now()
        observer.disconnect()
      }
    })
    observer.observe(document, { childList: true, subtree: true })
  }, route.ready)
  await page.goto(`${app.url}${path}`)
  // Usable: the landmark is there and the page has loaded (its scripts have run).
  const readyAt = await page.waitForFunction(() => {
    const landmarkAt = (window as unknown as { yidiLandmarkAt?: number }).yidiLandmarkAt
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    return landmarkAt !== undefined && navigation && navigation.loadEventEnd > 0 ? Math.max(landmarkAt, navigation.loadEventEnd) : false
  }, undefined, { timeout: 20_000 }).then(handle => handle.jsonValue() as Promise<number>)
  // What loads on idle after the first screen: give it time to arrive.
  await page.waitForTimeout(2_000)
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => {
    const timing = entry as PerformanceResourceTiming
    return { url: new URL(timing.name).pathname, startTime: timing.startTime, transferSize: timing.transferSize, encodedBodySize: timing.encodedBodySize }
  }))
  await page.close()
  return { before: fetched.filter(entry => entry.startTime <= readyAt), after: fetched.filter(entry => entry.startTime > readyAt) }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const isJs = (entry: Fetched) => entry.url.endsWith('.js')
const isCss = (entry: Fetched) => entry.url.endsWith('.css')
const isFont = (entry: Fetched) => /\.(woff2?|ttf|otf)$/.test(entry.url)
const wire = (entries: Fetched[]) => entries.reduce((total, entry) => total + entry.transferSize, 0)
const gz = (entries: Fetched[]) => entries.reduce((total, entry) => total + gzipSize(entry.url), 0)

const app = await startAppServer(buildDir)
const browser = await chromium.launch(chromiumLaunchOptions())
try {
  console.log(`\nmachine load average over the last minute: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`)
  console.log('First visit in Chromium (no service worker, empty cache): JS and CSS fetched before the first screen is interactive, fonts fetched during the visit')
  console.log('route'.padEnd(26), 'JS files'.padStart(9), 'JS wire'.padStart(10), 'JS gz-9'.padStart(10), 'gz/target'.padStart(10), 'CSS wire'.padStart(10), 'fonts, any'.padStart(11), '| later JS wire'.padStart(16))
  for (const route of ROUTES) {
    // Service workers blocked: the figure is the network, not a cache filled by an earlier visit.
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 } })
    const { before, after } = await visit(context, app, route)
    await context.close()
    const js = before.filter(isJs)
    const jsGz = gz(js)
    console.log(
      route.label.padEnd(26),
      String(js.length).padStart(9),
      kb(wire(js)).padStart(10),
      kb(jsGz).padStart(10),
      `${(jsGz / TARGETS.js * 100).toFixed(0)}%`.padStart(10),
      kb(wire(before.filter(isCss))).padStart(10),
      kb(wire([...before, ...after].filter(isFont))).padStart(11),
      `| ${kb(wire(after.filter(isJs)))} in ${after.filter(isJs).length}`.padStart(16),
    )
    // BENCH_FILES=1: which files make up the figure, largest first, to see what a change added.
    if (process.env.BENCH_FILES)
      js.toSorted((a, b) => gzipSize(b.url) - gzipSize(a.url)).forEach(entry => console.log(`    ${kb(gzipSize(entry.url)).padStart(9)}  ${entry.url}`))
  }
}
finally {
  await browser.close()
  await app.close()
}

const sw = readFileSync(join(buildDir, 'sw.js'), 'utf8')
const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map(match => match[1]!)
const precacheBytes = precached.reduce((total, url) => total + statSync(join(buildDir, url)).size, 0)
const fontBytes = precached.filter(url => isFont({ url } as Fetched)).reduce((total, url) => total + statSync(join(buildDir, url)).size, 0)
console.log(`\nPrecache: ${precached.length} files, ${kb(precacheBytes)} (${(precacheBytes / TARGETS.precache * 100).toFixed(0)}% of the 1 MB target), of which font files ${kb(fontBytes)}`)
console.log(`Targets: JS before the first screen is interactive ≤ ${kb(TARGETS.js)} gzipped on every route; precache ≤ 1 MB`)
if (!process.env.BENCH_CLIENT_DIR)
  rmSync(buildDir, { recursive: true, force: true })
