import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { convert } from 'fontverter'
import { Blob, Face } from 'harfbuzzjs'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { iconCodePoints } from '../../../server/build/vantIconsUsed.ts'

// The app, built as it ships, read back: every icon its scripts ask for must be drawable.
const root = resolve(import.meta.dirname, '../../..')
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true })
const workDir = mkdtempSync(join(root, 'node_modules/.cache/yidi-icon-subset-'))
const outDir = join(workDir, 'client')
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

const vantIcons = iconCodePoints(readFileSync(join(root, 'node_modules/vant/es/icon/index.css'), 'utf8'))
let scripts = ''
let css = ''
let fontCodePoints = new Set<number>()
let fontBytes = 0

beforeAll(async () => {
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } })
  const assets = readdirSync(join(outDir, 'assets'))
  const read = (file: string) => readFileSync(join(outDir, 'assets', file))
  scripts = assets.filter(file => file.endsWith('.js')).map(file => read(file).toString('utf8')).join('\n')
  css = assets.filter(file => file.endsWith('.css')).map(file => read(file).toString('utf8')).join('\n')
  // The font is in the stylesheet when small enough, else a file beside it.
  const faces = [...css.matchAll(/@font-face\{[^}]*font-family:vant-icon[^}]*src:url\(([^)]+)\)/g)].map(([, url]) => url!)
  expect(faces).toHaveLength(1)
  const url = faces[0]!
  const woff2 = url.startsWith('data:')
    ? Buffer.from(url.slice(url.indexOf('base64,') + 7), 'base64')
    : read(url.replace(/^.*\//, '').replaceAll('"', ''))
  fontBytes = woff2.length
  fontCodePoints = new Set(new Face(new Blob(await convert(woff2, 'sfnt'))).collectUnicodes())
}, 180_000)

/** Quoted names in a stretch of minified script (the bundler writes them in backticks). */
const quoted = (text: string) => [...text.matchAll(/[`'"]([a-z0-9-]+)[`'"]/g)].map(([, name]) => name!)

/**
 * The icon names the built scripts ask for: any `…icon:`/`…Icon:` value (`icon:\`bell\``,
 * `clearIcon:T(\`clear\`)`), the `name:` given to a component (`t(A,{name:\`arrow-left\`})`, not a
 * form field's name), and a variable so given (`let n=…?\`arrow-${d}\`:\`arrow\`;…{name:n`).
 */
function iconsAskedFor(text: string): Set<string> {
  const asked = new Set<string>()
  for (const [, value] of text.matchAll(/[\w$]*[iI]con:((?:[^,{}()]|\([^()]*\))*)/g))
    quoted(value!).forEach(name => asked.add(name))
  for (const [props, value] of text.matchAll(/[\w$]+\([\w$]+,\{[^{}]*?\bname:((?:[^,{}()]|\([^()]*\))*)[^{}]*\}/g)) {
    if (props.includes('modelValue'))
      continue
    quoted(value!).forEach(name => asked.add(name))
    const variable = /^([A-Za-z_$][\w$]*)$/.exec(value!)?.[1]
    const before = text.slice(Math.max(0, text.indexOf(props) - 300), text.indexOf(props))
    const assigned = variable && [...before.matchAll(new RegExp(`\\b${variable.replaceAll('$', '\\$')}=([^;]*);`, 'g'))].at(-1)?.[1]
    if (assigned)
      quoted(assigned).forEach(name => asked.add(name))
  }
  for (const [, name] of text.matchAll(/\bvan-icon-([a-z0-9-]+)/g)) asked.add(name!)
  return new Set([...asked].filter(name => vantIcons.has(name)))
}

/** The icons the built stylesheet draws, with the code point each rule writes. */
function iconRules(): Map<string, number> {
  return new Map([...css.matchAll(/\.van-icon-([a-z0-9-]+):before\{content:"((?:\\[0-9a-f]+)|.)"\}/gu)]
    .map(([, name, content]) => [name!, content!.startsWith('\\') ? Number.parseInt(content!.slice(1), 16) : content!.codePointAt(0)!]))
}

describe('the built app\'s icon font holds every icon the app draws', () => {
  it('every icon the built scripts ask for has its rule and its glyph, at Vant\'s code point', () => {
    const asked = iconsAskedFor(scripts)
    // The tab bar's, the wizard's back arrow, the checkbox's and radio's tick, a link cell's arrow.
    expect(asked).toEqual(new Set([...asked, 'records-o', 'search', 'user-o', 'arrow-left', 'success', 'arrow']))
    const rules = iconRules()
    const missing = [...asked].filter(name => rules.get(name) !== vantIcons.get(name) || !fontCodePoints.has(vantIcons.get(name)!))
    expect(missing).toEqual([])
  })

  it('keeps no icon the app does not draw, in the font or the stylesheet', () => {
    const rules = iconRules()
    expect(rules.has('wechat')).toBe(false)
    expect(fontCodePoints.has(vantIcons.get('wechat')!)).toBe(false)
    expect(rules.size).toBeLessThan(40)
    expect(fontCodePoints.size).toBeLessThan(60)
    // Every rule kept has its glyph: no icon draws as an empty box.
    expect([...rules.values()].filter(codePoint => !fontCodePoints.has(codePoint))).toEqual([])
    expect(fontBytes).toBeLessThan(8_000)
  })
})
