import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build, type Rollup } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { vantIconFontFile } from '../../../server/build/vantIconFontPlugin.ts'

const root = resolve(import.meta.dirname, '../../..')
// Inside the project, so the entry resolves `vant` from its node_modules.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true })
const workDir = mkdtempSync(join(root, 'node_modules/.cache/yidi-icon-font-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

/** Builds one entry that imports `imports`, and returns the emitted CSS and asset names. */
async function buildImporting(imports: string[], assetsInlineLimit?: number): Promise<{ css: string, files: string[] }> {
  const entry = join(workDir, `entry-${imports.length}.js`)
  writeFileSync(entry, imports.map(path => `import ${JSON.stringify(path)}`).join('\n'))
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [vantIconFontFile(join(workDir, `cache-${assetsInlineLimit}`))],
    build: { write: false, assetsInlineLimit, rollupOptions: { input: entry } },
  }) as Rollup.RollupOutput
  const css = output.output.filter(file => file.fileName.endsWith('.css')).map(file => String((file as Rollup.OutputAsset).source)).join('\n')
  return { css, files: output.output.map(file => file.fileName) }
}

describe('Vant\'s icon font, cut down to the app\'s icons, with no CDN', () => {
  it.each([
    ['<van-icon> itself', ['vant/es/icon/style/index']],
    ['a component that shows icons', ['vant/es/cell/style/index']],
  ])('%s: no CDN is named and the font is never Vant\'s whole 26 KB inline', async (_name, imports) => {
    const { css } = await buildImporting(imports)
    expect(css).toContain('vant-icon')
    expect(css).not.toMatch(/https?:\/\//)
    const inlineFonts = [...css.matchAll(/url\(data:font\/woff2;base64,([^)]+)\)/g)].map(([, data]) => Buffer.from(data!, 'base64').length)
    expect(inlineFonts.every(bytes => bytes <= 4096)).toBe(true)
  }, 60_000)

  it('a build that inlines nothing emits the font as a hashed file', async () => {
    const { css, files } = await buildImporting(['vant/es/icon/style/index'], 0)
    expect(css).not.toMatch(/data:font|base64,/)
    expect(files.some(file => /vant-icon-[\w-]+\.woff2$/.test(file))).toBe(true)
  }, 60_000)
})
