import type { Plugin } from 'vite'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import subsetFont from 'subset-font'
import { iconCodePoints, iconsUsedBy } from './vantIconsUsed.ts'

const VANT_ICON_CSS = 'vant/es/icon/index.css'

/** Where the app's sources and Vant's modules are read from, to decide which icons it draws. */
export interface IconSources {
  sourceDir: string
  vantDir: string
}

/**
 * Vant's icon stylesheet inlines its font as a 28 KB (gzipped) data URL, with a fallback on a
 * third-party CDN, and every component with an icon imports it: alone it would blow the
 * first-visit CSS budget. This plugin swaps in a copy whose font is a separate file, which the
 * bundler emits as a hashed asset and the service worker precaches; no CDN is named.
 *
 * In a build the font is also cut down to the icons the app draws (about 20 of Vant's 259), and
 * the rules of the others are dropped: every page loads this font before its first screen. The
 * kept glyphs keep their code points, so the remaining `content` values draw as before. The dev
 * server keeps the whole font, so an icon added while it runs shows without a restart. Cut down,
 * the font weighs about 2 KB, under Vite's `assetsInlineLimit`: the bundler then writes it into the
 * stylesheet, which spares every page one request before its first screen.
 */
export function vantIconFontFile(cacheDir = 'node_modules/.cache/yidi', sources?: IconSources): Plugin {
  let stylesheet: Promise<string> | undefined
  let subset = false
  let root = process.cwd()
  return {
    name: 'yidi:vant-icon-font-file',
    enforce: 'pre',
    configResolved(config) {
      subset = config.command === 'build'
      root = config.root
    },
    async resolveId(source, importer) {
      // Vant names the stylesheet in more than one way (`../index.css` from `icon/style`, or
      // `../../icon/index.css` from other components): decide on the resolved file, not the text.
      if (!source.endsWith('.css') || !importer?.includes('vant'))
        return null
      const resolved = await this.resolve(source, importer, { skipSelf: true })
      if (!resolved?.id.replaceAll('\\', '/').endsWith(VANT_ICON_CSS))
        return null
      const from = sources ?? { sourceDir: join(root, 'src'), vantDir: resolve(resolved.id, '../..') }
      // The cut-down copy lives apart from the whole one, so a build never changes the font a
      // running dev server reads.
      stylesheet ??= writeStylesheetWithFontFile(resolved.id, resolve(cacheDir, subset ? 'subset' : 'whole'), subset ? from : undefined)
      return stylesheet
    },
  }
}

async function writeStylesheetWithFontFile(originalPath: string, cacheDir: string, sources: IconSources | undefined): Promise<string> {
  const original = readFileSync(originalPath, 'utf8')
  const fontFace = /@font-face\{[^}]*\}/.exec(original)?.[0]
  const font = fontFace && /base64,([^)]+)\)/.exec(fontFace)?.[1]
  if (!fontFace || !font)
    throw new Error(`${VANT_ICON_CSS} changed shape: its inline woff2 font was not found`)
  const face = '@font-face{font-weight:400;font-family:vant-icon;font-style:normal;font-display:block;src:url(./vant-icon.woff2) format("woff2")}'
  let css = original.replace(fontFace, face)
  let woff2: Uint8Array = Buffer.from(font, 'base64')
  if (sources) {
    const codePoints = iconCodePoints(original)
    if (codePoints.size === 0)
      throw new Error(`${VANT_ICON_CSS} changed shape: no .van-icon-…:before rule was found`)
    const kept = iconsUsedBy(sources.sourceDir, sources.vantDir, new Set(codePoints.keys()))
    css = css.replace(/\.van-icon-([a-z0-9-]+):before\{content:"[^"]*"\}/g, (rule, name: string) => kept.has(name) ? rule : '')
    const text = [...kept].map(name => String.fromCodePoint(codePoints.get(name)!)).join('')
    woff2 = await subsetFont(woff2, text, { targetFormat: 'woff2' })
  }
  mkdirSync(cacheDir, { recursive: true })
  writeFileSync(join(cacheDir, 'vant-icon.woff2'), woff2)
  const stylesheet = join(cacheDir, 'vant-icon.css')
  writeFileSync(stylesheet, css)
  return stylesheet
}
