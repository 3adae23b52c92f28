import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { iconCodePoints, iconsUsedBy } from '../../../server/build/vantIconsUsed.ts'

const root = resolve(import.meta.dirname, '../../..')
const vantDir = join(root, 'node_modules/vant/es')
const names = new Set(iconCodePoints(readFileSync(join(vantDir, 'icon/index.css'), 'utf8')).keys())
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true })
const workDir = mkdtempSync(join(root, 'node_modules/.cache/yidi-icons-used-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

/** The icons kept for a source folder holding these files. */
function iconsOf(files: Record<string, string>): Set<string> {
  const dir = mkdtempSync(join(workDir, 'src-'))
  for (const [file, text] of Object.entries(files))
    writeFileSync(join(dir, file), text)
  return iconsUsedBy(dir, vantDir, names)
}

describe('which of Vant\'s icons the app draws', () => {
  it('reads all 259 icon names and code points from Vant\'s stylesheet', () => {
    const codePoints = iconCodePoints(readFileSync(join(vantDir, 'icon/index.css'), 'utf8'))
    expect(codePoints.size).toBe(259)
    expect(codePoints.get('arrow-left')).toBe(0xE668)
  })

  it('keeps the icons the app names, bound or not, and no word that is not an icon', () => {
    const used = iconsOf({
      'Tabs.vue': `<template><van-tabbar-item :icon="tab.icon" /><van-button icon="bell" /><van-icon name="scan" /></template>
<script setup lang="ts">const tabs = [{ name: 'filing', icon: 'records-o' }, { name: 'me', icon: 'user-o' }]</script>`,
      'Toggle.vue': `<template><van-button :icon="open ? 'arrow-up' : 'arrow-down'" /></template>`,
    })
    for (const icon of ['bell', 'scan', 'records-o', 'user-o', 'arrow-up', 'arrow-down'])
      expect(used).toContain(icon)
    expect(used).not.toContain('filing')
  })

  it('keeps the icons Vant\'s components draw themselves, and only those of the components used', () => {
    const used = iconsOf({
      'Form.vue': `<template><van-nav-bar left-arrow /><van-field clearable /><van-checkbox /><van-steps><van-step /></van-steps><van-cell is-link /><van-popup closeable /></template>`,
    })
    for (const icon of ['arrow-left', 'clear', 'success', 'checked', 'arrow', 'cross'])
      expect(used).toContain(icon)
    // The share sheet's and the uploader's icons: components this source never shows.
    for (const icon of ['wechat', 'qq', 'photograph'])
      expect(used).not.toContain(icon)
  })

  it('keeps the arrow a cell draws for its direction, a name Vant builds at run time', () => {
    expect(iconsOf({ 'Row.vue': `<template><van-cell is-link arrow-direction="down" /></template>` })).toContain('arrow-down')
  })

  it('keeps the icons of a Vant function imported by name, not of a type', () => {
    expect(iconsOf({ 'notify.ts': `import { showFailToast } from 'vant'\nshowFailToast('…')\n` })).toContain('fail')
    expect(iconsOf({ 'types.ts': `import { type ToastOptions } from 'vant'\nexport type T = ToastOptions\n` })).not.toContain('fail')
  })
})
