/**
 * `npm start`: builds the PWA when `dist/` is missing or older than its sources, then starts the
 * server. A fresh clone therefore needs only `npm install && npm start`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'
import { main } from '../main.ts'

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts']
// Written by the build itself (unplugin-vue-components); counting it would rebuild every start.
const GENERATED = new Set([join('src', 'components.d.ts')])

/** Newest modification time (ms) of a file or of any file under a directory; 0 when absent. */
function newestChange(path: string): number {
  if (!existsSync(path) || GENERATED.has(path))
    return 0
  const stats = statSync(path)
  if (!stats.isDirectory())
    return stats.mtimeMs
  return Math.max(0, ...readdirSync(path).map(entry => newestChange(join(path, entry))))
}

function needsBuild(): boolean {
  const index = join('dist', 'index.html')
  if (!existsSync(index))
    return true
  return Math.max(...SOURCES.map(newestChange)) > statSync(index).mtimeMs
}

try {
  if (needsBuild()) {
    console.log('Building the app (dist/ is missing or older than the sources)…')
    await build({ logLevel: 'warn' })
  }
  await main()
}
catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
