import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts']
// Written by the build itself (unplugin-vue-components); counting it would rebuild every start.
const GENERATED = new Set([join('src', 'components.d.ts')])

/** Newest modification time (ms) of a file or of any file under a directory; 0 when absent. */
function newestChange(root: string, path: string): number {
  const full = join(root, path)
  if (!existsSync(full) || GENERATED.has(path))
    return 0
  const stats = statSync(full)
  if (!stats.isDirectory())
    return stats.mtimeMs
  return Math.max(0, ...readdirSync(full).map(entry => newestChange(root, join(path, entry))))
}

/** True when `dist/` under `root` is missing or older than any source of the client. */
export function needsClientBuild(root = '.'): boolean {
  const index = join(root, 'dist', 'index.html')
  if (!existsSync(index))
    return true
  return Math.max(...SOURCES.map(source => newestChange(root, source))) > statSync(index).mtimeMs
}

/**
 * Runs `vite build` in a child process. In the server's own process Vite would set
 * `NODE_ENV=production` (so a first `npm start` ignored `YIDI_DEV_ECHO_CODE` and printed no code)
 * and would stay in the server's memory (~170 MB idle against ~97 MB without it).
 */
export function buildClient(options: { root?: string, outDir?: string } = {}): Promise<void> {
  const root = resolve(options.root ?? '.')
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  const args = [vite, 'build', '--logLevel', 'warn', ...(options.outDir ? ['--outDir', options.outDir, '--emptyOutDir'] : [])]
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
    child.once('error', fail)
    child.once('exit', code => code === 0 ? done() : fail(new Error(`The app build (vite build) failed with exit code ${code}`)))
  })
}
