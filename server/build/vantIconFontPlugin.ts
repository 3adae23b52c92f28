import type { Plugin } from 'vite'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const VANT_ICON_CSS = 'vant/es/icon/index.css'

/**
 * Vant's icon stylesheet inlines its font as a 28 KB (gzipped) data URL, with a fallback on a
 * third-party CDN, and every component with an icon imports it: alone it would blow the
 * first-visit CSS budget. This plugin swaps in a copy whose font is a separate file, which the
 * bundler emits as a hashed asset and the service worker precaches; no CDN is named.
 */
export function vantIconFontFile(cacheDir = 'node_modules/.cache/yidi'): Plugin {
  let stylesheet: string | undefined
  return {
    name: 'yidi:vant-icon-font-file',
    enforce: 'pre',
    async resolveId(source, importer) {
      // Vant names the stylesheet in more than one way (`../index.css` from `icon/style`, or
      // `../../icon/index.css` from other components): decide on the resolved file, not the text.
      if (!source.endsWith('.css') || !importer?.includes('vant'))
        return null
      const resolved = await this.resolve(source, importer, { skipSelf: true })
      if (!resolved?.id.replaceAll('\\', '/').endsWith(VANT_ICON_CSS))
        return null
      stylesheet ??= writeStylesheetWithFontFile(resolved.id, resolve(cacheDir))
      return stylesheet
    },
  }
}

function writeStylesheetWithFontFile(originalPath: string, cacheDir: string): string {
  const original = readFileSync(originalPath, 'utf8')
  const fontFace = /@font-face\{[^}]*\}/.exec(original)?.[0]
  const font = fontFace && /base64,([^)]+)\)/.exec(fontFace)?.[1]
  if (!fontFace || !font)
    throw new Error(`${VANT_ICON_CSS} changed shape: its inline woff2 font was not found`)
  mkdirSync(cacheDir, { recursive: true })
  writeFileSync(join(cacheDir, 'vant-icon.woff2'), Buffer.from(font, 'base64'))
  const face = '@font-face{font-weight:400;font-family:vant-icon;font-style:normal;font-display:block;src:url(./vant-icon.woff2) format("woff2")}'
  const stylesheet = join(cacheDir, 'vant-icon.css')
  writeFileSync(stylesheet, original.replace(fontFace, face))
  return stylesheet
}

