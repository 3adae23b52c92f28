import type { Plugin, Rollup } from 'vite'
import { build } from 'vite'

/**
 * Builds a TypeScript file into one classic script `fileName` at the root of the build, for the
 * generated service worker to load with `importScripts` (which takes neither modules nor
 * TypeScript). Bundled on its own, so the constants it imports from the app are inlined rather
 * than shared with the app's chunks. Emitted before vite-plugin-pwa lists the files to precache.
 */
export function serviceWorkerScript(entry: string, fileName: string): Plugin {
  return {
    name: 'yidi:service-worker-script',
    apply: 'build',
    async generateBundle() {
      const [output] = await build({
        configFile: false,
        logLevel: 'silent',
        build: {
          write: false,
          target: 'es2022',
          lib: { entry, formats: ['iife'], name: 'yidiServiceWorkerScript', fileName: () => fileName },
        },
      }) as Rollup.RollupOutput[]
      this.emitFile({ type: 'asset', fileName, source: output!.output[0].code })
    },
  }
}
