import { parse } from '@vue/compiler-sfc'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { readSource, sourceFiles } from './sourceFiles'

/**
 * The offline verifier's refusals and warnings, which the counter shows beside the rulebook's own
 * notes: like the server's online answers they are Chinese, the language of the sync contract.
 */
const VERIFIER_ANSWERS_IN_CONTRACT_LANGUAGE = ['src/features/counter/verify/verifyCredential.ts']

const NOT_CHECKED = VERIFIER_ANSWERS_IN_CONTRACT_LANGUAGE

const HAN = /\p{Script=Han}/u

/**
 * The code's tokens without its comments: TypeScript parses the code and we keep the source text
 * of every leaf node (strings, template parts, names), which never includes comment trivia, so no
 * regex has to guess whether `//` sits inside a string.
 */
function withoutComments(code: string): string {
  const source = ts.createSourceFile('file.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const leaves: string[] = []
  const visit = (node: ts.Node): void => {
    let children = 0
    node.forEachChild((child) => {
      children++
      visit(child)
    })
    if (children === 0)
      leaves.push(node.getText(source))
  }
  visit(source)
  return leaves.join('\n')
}

/**
 * What a file can put on screen: script code without comments; for `.vue`, the template without
 * `<!-- -->` comments (HTML comments do not nest) and the styles (a CSS `content:` shows).
 */
function visibleCode(file: string): string {
  const text = readSource(file)
  if (!file.endsWith('.vue'))
    return withoutComments(text)
  const { descriptor } = parse(text, { filename: file })
  return [
    descriptor.script?.content ?? '',
    descriptor.scriptSetup?.content ?? '',
  ].map(withoutComments).concat(
    (descriptor.template?.content ?? '').replace(/<!--[\s\S]*?-->/g, ''),
    descriptor.styles.map(style => style.content.replace(/\/\*[\s\S]*?\*\//g, '')).join('\n'),
  ).join('\n')
}

const files = sourceFiles('src/features', 'src/components')

describe('UI text lives in the message files', () => {
  it('finds the screens it checks, and every not-yet-moved screen still exists', () => {
    expect(files.length).toBeGreaterThan(50)
    for (const file of NOT_CHECKED)
      expect(files).toContain(file)
  })

  it.each(files.filter(file => !NOT_CHECKED.includes(file)))('%s holds no Chinese outside comments', (file) => {
    const lines = visibleCode(file).split('\n').filter(line => HAN.test(line)).map(line => line.trim())
    expect(lines, 'move these texts to src/i18n/zh-CN and src/i18n/en').toEqual([])
  })

  it('catches Chinese in a string but not in a comment', () => {
    expect(HAN.test(withoutComments('// 备案\n/** 参保地 */\nconst a = 1'))).toBe(false)
    expect(HAN.test(withoutComments('const a = `备案 ${1}` // note'))).toBe(true)
  })
})
