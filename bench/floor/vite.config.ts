import { resolve } from 'node:path'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'
import { precompressAssets } from '../../server/build/precompressAssets.ts'
import { vantIconFontFile } from '../../server/build/vantIconFontPlugin.ts'

/**
 * The stack's floor for bench:lighthouse: Vue, the router, Pinia, vue-i18n (runtime only, messages
 * compiled) and the Vant components of the filing start screen, built as the app is built.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    // The icons the floor draws, cut down apart from the app's own cut.
    vantIconFontFile(resolve(import.meta.dirname, '../../node_modules/.cache/yidi-floor'), { sourceDir: import.meta.dirname, vantDir: resolve(import.meta.dirname, '../../node_modules/vant/es') }),
    vue(),
    VueI18nPlugin({ include: [resolve(import.meta.dirname, 'messages.ts')], runtimeOnly: true, compositionOnly: true, dropMessageCompiler: true }),
    Components({ resolvers: [VantResolver()], dirs: [], dts: false }),
    precompressAssets(),
  ],
  build: { target: 'es2022' },
})
