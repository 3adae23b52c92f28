import { describe, expect, it } from 'vitest'
import en from '../../../src/i18n/en'
import zhCN from '../../../src/i18n/zh-CN'
import { flatten, readSource, sourceFiles } from './sourceFiles'

/**
 * `t('key')`, `$t('key')`, `te('key')` and the router's `title: 'key'`. A key built at run time,
 * `` t(`filing.category.${category}`) ``, is checked by its fixed prefix, which must name a group;
 * messageFamilies.test.ts checks each family's members one by one.
 */
const CALL = /(?<![\w.$])(?:\$?t|te)\(\s*(['`])([\w.-]+)(\$\{)?[^'`]*\1/g
const ROUTE_TITLE = /\btitle:\s*'([\w.]+)'/g

const chineseKeys = new Set(flatten(zhCN).keys())
const englishKeys = new Set(flatten(en).keys())
const isGroup = (prefix: string, keys: Set<string>) => [...keys].some(key => key.startsWith(prefix))

function usedKeys(file: string): { key: string, dynamic: boolean }[] {
  const text = readSource(file)
  const calls = [...text.matchAll(CALL)].map(match => ({ key: match[2]!, dynamic: match[3] !== undefined }))
  const titles = file === 'src/router.ts' ? [...text.matchAll(ROUTE_TITLE)].map(match => ({ key: match[1]!, dynamic: false })) : []
  return [...calls, ...titles]
}

const files = sourceFiles('src').filter(file => !file.startsWith('src/i18n/'))
const uses = files.flatMap(file => usedKeys(file).map(use => ({ file, ...use })))

describe('every message key the code asks for exists', () => {
  it('finds the keys the screens use', () => {
    expect(uses.length).toBeGreaterThan(100)
  })

  it.each(uses.filter(use => !use.dynamic))('$file: $key', ({ key }) => {
    expect(chineseKeys.has(key), 'in src/i18n/zh-CN').toBe(true)
    expect(englishKeys.has(key), 'in src/i18n/en').toBe(true)
  })

  it.each(uses.filter(use => use.dynamic))('$file: $key… names a group', ({ key }) => {
    expect(key.endsWith('.') && isGroup(key, chineseKeys) && isGroup(key, englishKeys)).toBe(true)
  })

  it('reads keys from t(), $t() and template keys, not from other calls', () => {
    const sample = 't(\'a.b\') $t("x") $t(\'c.d\', { n }) te(\'e.f\') format(\'g.h\') t(`i.${j}`)'
    expect([...sample.matchAll(CALL)].map(match => match[2])).toEqual(['a.b', 'c.d', 'e.f', 'i.'])
  })
})
