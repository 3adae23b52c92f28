/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { precompressAssets } from './server/build/precompressAssets.ts'
import { routePreloads } from './server/build/routePreloads.ts'
import { preloadScreensOnly } from './server/build/screenPreloads.ts'
import { serviceWorkerScript } from './server/build/serviceWorkerScript.ts'
import { vantIconFontFile } from './server/build/vantIconFontPlugin.ts'

// Vitest 5's reporter calls Map.groupBy, which Node 20 lacks: without this a failing test prints
// "Map.groupBy is not a function" instead of its assertion. Harmless once Node is 21 or newer.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>()
      let index = 0
      for (const item of items) {
        const group = key(item, index++)
        groups.set(group, [...(groups.get(group) ?? []), item])
      }
      return groups
    },
  })
}

/**
 * The message files the i18n plugin precompiles: those under `dir` written as one plain
 * `export default {…}` that import nothing, the only form it reads. A file that gathers others
 * (imports and spreads them) is left to the bundler; the files it gathers are compiled.
 */
function messageFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.ts'))
    .map(file => join(dir, file))
    .filter((file) => {
      const source = readFileSync(file, 'utf8')
      return /^export default \{/m.test(source) && !/^import /m.test(source)
    })
}

// A build id that changes every build, so an open tab can tell it is old (see src/pwa).
const buildId = process.env.YIDI_BUILD_ID ?? new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '.')

export default defineConfig({
  base: process.env.YIDI_BASE ?? '/',
  define: {
    __YIDI_BUILD_ID__: JSON.stringify(buildId),
  },
  plugins: [
    vantIconFontFile(),
    vue(),
    // The UI messages are compiled at build time, so the app ships vue-i18n's runtime without
    // its message compiler.
    // Tests read the messages as the strings they are written as, with vue-i18n's full build.
    ...(process.env.VITEST
      ? []
      : [VueI18nPlugin({
          include: messageFiles(resolve(import.meta.dirname, 'src/i18n')),
          runtimeOnly: true,
          compositionOnly: true,
          dropMessageCompiler: true,
        })]),
    // Vant is imported per component, with only that component's CSS.
    Components({
      resolvers: [VantResolver()],
      dirs: [],
      dts: 'src/components.d.ts',
    }),
    // Background Sync in the service worker, typed, with the page's constants.
    serviceWorkerScript(resolve(import.meta.dirname, 'src/pwa/serviceWorker/script.ts'), 'sw-events.js'),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png', 'robots.txt'],
      manifest: {
        name: '异地就医备案',
        short_name: '异地',
        description: '异地就医备案、查询、凭证出示与退费，无网也能用',
        lang: 'zh-CN',
        display: 'standalone',
        orientation: 'any',
        start_url: '.',
        scope: '.',
        theme_color: '#0f766e',
        background_color: '#f7f8fa',
        icons: [
          { src: 'pwa-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2,webmanifest}'],
        // The per-screen copies of index.html are for a first visit (server/build/routePreloads.ts).
        globIgnores: ['routes/**'],
        navigateFallback: 'index.html',
        // Personal data never goes through the service worker's caches: the app keeps it in IndexedDB.
        navigateFallbackDenylist: [/\/api\//],
        // The QR decoder's WebAssembly (≈ 1 MB, only for counters whose browser lacks BarcodeDetector)
        // stays out of the precache and is kept after its first use.
        runtimeCaching: [{ urlPattern: /\/assets\/[^/]+\.wasm$/, handler: 'CacheFirst', options: { cacheName: 'yidi-wasm', expiration: { maxEntries: 4 } } }],
        importScripts: ['sw-events.js'],
        cleanupOutdatedCaches: true,
        // The first install takes over the open page at once, so its lazy chunks come from the cache
        // from then on; later versions wait until the person agrees to reload (skipWaiting stays off).
        clientsClaim: true,
      },
    }),
    routePreloads(resolve(import.meta.dirname, 'src/router.ts')),
    precompressAssets(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: { resolveDependencies: preloadScreensOnly(resolve(import.meta.dirname, 'src/router.ts')) },
    rolldownOptions: {
      output: {
        // Vant's shared groups are named after every screen that uses them: short names instead.
        chunkFileNames: chunk => (chunk.name.startsWith('vant~') ? 'assets/vant-[hash].js' : 'assets/[name]-[hash].js'),
        assetFileNames: asset => (asset.names[0]?.startsWith('vant~') ? 'assets/vant-[hash][extname]' : 'assets/[name]-[hash][extname]'),
        codeSplitting: {
          groups: [
            // Vue, the router, Pinia and vue-i18n start every screen: one file instead of eight, so
            // a phone's six connections fetch the screen's own files sooner.
            { name: 'framework', test: /node_modules[\\/](?:@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/, priority: 3 },
            // The rest of what index.html starts with (the messages, the router's guards): one file;
            // main.ts stays out of it, as the entry index.html names.
            { name: 'start', test: /^(?!.*(?:index\.html|src[\\/]main\.ts)).*$/, tags: ['$initial'], priority: 2 },
            // Vant's components come in many files under 1 KB (use-id, style, interceptor…), each a
            // round trip on HTTP/1.1: those shared by the same screens go together, and groups under
            // 5 KB join their nearest neighbour (at 10 KB a small group had joined the date picker's
            // tabs and pulled them onto the first visit: /filing 105.0 → 92.5 KB gzipped).
            // The insured screens' own frame (the bar and the tab bar) in one file of its own: merged
            // by size, the bar had joined the tabs a date picker uses, 9.5 KB on every first visit.
            { name: 'vant~shell', test: /node_modules[\\/]vant[\\/]es[\\/](?:nav-bar|tabbar|tabbar-item)[\\/]/, priority: 2 },
            // What every screen draws with (Vant's helpers, icons, badges, cells, buttons) in one file,
            // with its stylesheet: the first screen's text is then painted with its first frame
            // sooner (bench:lighthouse FCP on / 2.15 → 2.0 s, /counter/sign-in 14 files instead of 17).
            { name: 'vant~base', test: /node_modules[\\/](?:vant[\\/]es[\\/](?:utils|composables|locale|icon|badge|loading|cell|cell-group|button)[\\/]|@vant[\\/]use[\\/])/, priority: 2 },
            { name: 'vant', test: /node_modules[\\/](?:vant|@vant)[\\/]/, entriesAware: true, entriesAwareMergeThreshold: 5_000, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    coverage: {
      provider: 'v8',
      // The rulebook must stay covered: every rule a person's benefits depend on is exercised.
      include: ['src/domain/**/*.ts'],
      thresholds: { lines: 95 },
      reporter: ['text-summary', 'json-summary'],
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
