import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * Icons a Vant module draws from a prop's value rather than a name it writes: the toast shows its
 * `type` as its icon, and `showSuccessToast`/`showFailToast` pass the type.
 */
const DRAWN_FROM_PROPS: Record<string, string[]> = {
  'toast/Toast.mjs': ['success', 'fail'],
}

/** Vant's icon names and their code points, read from the rules of its icon stylesheet. */
export function iconCodePoints(stylesheet: string): Map<string, number> {
  return new Map([...stylesheet.matchAll(/\.van-icon-([a-z0-9-]+):before\{content:"\\([0-9a-f]+)"\}/g)]
    .map(([, name, hex]) => [name!, Number.parseInt(hex!, 16)]))
}

/**
 * The icons the app can draw, decided from its sources: the names it gives (`icon="bell"`,
 * `icon: 'bell'`, `<van-icon name="bell">`, `arrow-direction="down"`), and every icon name written
 * in the Vant modules its components and functions load, since those draw their own (the field's
 * `clear`, the nav bar's `arrow-left`, the checkbox's `success`, the steps' `checked`…). Vant's
 * modules are followed through their imports, so a component another one draws is counted.
 */
export function iconsUsedBy(sourceDir: string, vantDir: string, names: ReadonlySet<string>): Set<string> {
  const used = new Set<string>()
  const keep = (name: string | undefined) => {
    if (name && names.has(name))
      used.add(name)
  }
  const entries = new Set<string>()
  const vantExports = vantExportDirs(vantDir)
  for (const file of sourceFiles(sourceDir)) {
    const text = readFileSync(file, 'utf8')
    // An icon attribute or key, literal or bound: every quoted name in its value counts.
    for (const [, value] of text.matchAll(/[\w-]*icon[\w-]*\s*[=:]\s*("[^"]*"|'[^']*')/gi))
      for (const [, name] of value!.matchAll(/['"]([a-z0-9-]+)['"]/g)) keep(name)
    for (const [, value] of text.matchAll(/<van-icon\b[^>]*?\bname="([^"]*)"/g))
      for (const name of value!.match(/[a-z0-9-]+/g) ?? []) keep(name)
    // The cell draws `arrow-${direction}`, a name no module spells out.
    for (const [, direction] of text.matchAll(/arrow-direction="(\w+)"/g))
      keep(direction === 'right' ? 'arrow' : `arrow-${direction}`)
    for (const [, tag] of text.matchAll(/<van-([a-z-]+)/g)) entries.add(join(vantDir, tag!, 'index.mjs'))
    for (const [, list] of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'vant'/g)) {
      for (const imported of list!.split(',').map(part => part.trim().split(/\s+/)[0]!)) {
        const dir = vantExports.get(imported)
        if (dir && !list!.includes(`type ${imported}`))
          entries.add(join(vantDir, dir, 'index.mjs'))
      }
    }
  }
  // In Vant's modules an icon is named where an icon takes it: a `name` prop, an `…Icon` default,
  // or a name a function returns (the notice bar's `cross`). Class names (`bem("label")`) are not.
  for (const module of vantModulesFrom(entries)) {
    const text = readFileSync(module, 'utf8')
    for (const [, value] of text.matchAll(/(?:"name"|\w*[iI]con"?)\s*:\s*([^,\n]*)/g))
      for (const [, name] of (value ?? '').matchAll(/"([a-z0-9-]+)"/g)) keep(name)
    for (const [, name] of text.matchAll(/\breturn\s+"([a-z0-9-]+)";/g)) keep(name)
    // `"name": name2`, where the cell computed `name2 = … ? \`arrow-${…}\` : "arrow"` above.
    for (const [, variable] of text.matchAll(/"name"\s*:\s*([A-Za-z_$][\w$]*)\s*[,\n}]/g)) {
      for (const [, value] of text.matchAll(new RegExp(`(?:const|let)\\s+${variable!.replaceAll('$', '\\$')}\\s*=\\s*([^;]*);`, 'g')))
        for (const [, name] of value!.matchAll(/"([a-z0-9-]+)"/g)) keep(name)
    }
    for (const name of DRAWN_FROM_PROPS[relative(vantDir, module).replaceAll('\\', '/')] ?? []) keep(name)
  }
  return used
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(file => /\.(vue|ts)$/.test(file) && !file.endsWith('.d.ts'))
    .map(file => join(dir, file))
}

/** Which folder of Vant's `es` build each of its named exports comes from (`showToast` → `toast`). */
function vantExportDirs(vantDir: string): Map<string, string> {
  const dirs = new Map<string, string>()
  const index = readFileSync(join(vantDir, 'index.mjs'), 'utf8')
  for (const [, dir] of index.matchAll(/export \* from "\.\/([\w-]+)\/index\.mjs"/g)) {
    const file = join(vantDir, dir!, 'index.mjs')
    for (const [, list] of readFileSync(file, 'utf8').matchAll(/export\s*\{([^}]*)\}/g))
      for (const part of list!.split(',')) dirs.set(part.trim().split(/\s+as\s+/).at(-1)!, dir!)
  }
  return dirs
}

/** The Vant modules these entries import, following their relative imports. */
function vantModulesFrom(entries: Iterable<string>): Set<string> {
  const seen = new Set<string>()
  const queue = [...entries].filter(existsSync)
  while (queue.length > 0) {
    const module = queue.pop()!
    if (seen.has(module))
      continue
    seen.add(module)
    for (const [, path] of readFileSync(module, 'utf8').matchAll(/(?:from|import)\s*"(\.[^"]+\.mjs)"/g)) {
      const target = resolve(dirname(module), path!)
      if (!seen.has(target) && existsSync(target))
        queue.push(target)
    }
  }
  return seen
}
