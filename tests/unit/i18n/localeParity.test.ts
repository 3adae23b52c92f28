import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../../../src/i18n/en'
import zhCN from '../../../src/i18n/zh-CN'
import { flatten } from './sourceFiles'

const chinese = flatten(zhCN)
const english = flatten(en)

/** `{name}` placeholders of a message, across all its plural forms. */
function placeholders(text: unknown): string[] {
  return [...new Set([...String(text).matchAll(/\{\s*(\w+)\s*\}/g)].map(match => match[1]!))].toSorted()
}

describe('Chinese and English messages match', () => {
  it('has every Chinese key in English', () => {
    expect([...chinese.keys()].filter(key => !english.has(key))).toEqual([])
  })

  it('has no English key that Chinese lacks', () => {
    expect([...english.keys()].filter(key => !chinese.has(key))).toEqual([])
  })

  it.each([...chinese.keys()])('%s: a non-empty string in both, with the same {placeholders}', (key) => {
    const zh = chinese.get(key)
    const inEnglish = english.get(key)
    expect(typeof zh === 'string' && zh.trim() !== '', 'Chinese text').toBe(true)
    expect(typeof inEnglish === 'string' && inEnglish.trim() !== '', 'English text').toBe(true)
    expect(placeholders(inEnglish)).toEqual(placeholders(zh))
  })

  it.each(['zh-CN', 'en'] as const)('every %s message compiles and fills its placeholders', (locale) => {
    const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en }, missingWarn: false, fallbackWarn: false })
    const broken = [...chinese.keys()].filter((key) => {
      const values = Object.fromEntries(placeholders(chinese.get(key)).map(name => [name, 'X']))
      try {
        const shown = i18n.global.t(key, values, 2)
        return shown === key || /[{}|]/.test(shown)
      }
      catch {
        return true
      }
    })
    expect(broken).toEqual([])
  })

  it('tells a placeholder apart from the text around it', () => {
    expect(placeholders('已用 {used}，共 {quota} | {quota}')).toEqual(['quota', 'used'])
  })
})
