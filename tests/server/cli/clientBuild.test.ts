import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildClient, needsClientBuild } from '../../../server/cli/clientBuild.ts'

const scratch = mkdtempSync(join(tmpdir(), 'yidi-start-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('npm start: building the client', () => {
  it('builds when dist/ is missing or older than a source, and not for the file the build itself writes', () => {
    const root = join(scratch, 'project')
    mkdirSync(join(root, 'src'), { recursive: true })
    const at = (path: string, seconds: number) => {
      writeFileSync(join(root, path), 'x')
      utimesSync(join(root, path), seconds, seconds)
    }
    at('src/main.ts', 1_000)
    expect(needsClientBuild(root)).toBe(true)
    mkdirSync(join(root, 'dist'))
    at('dist/index.html', 2_000)
    expect(needsClientBuild(root)).toBe(false)
    at('src/components.d.ts', 3_000)
    expect(needsClientBuild(root)).toBe(false)
    at('src/main.ts', 3_000)
    expect(needsClientBuild(root)).toBe(true)
  })

  it('builds in a child process, so the server that starts next is not switched to NODE_ENV=production by Vite', async () => {
    const before = process.env.NODE_ENV
    const outDir = join(scratch, 'dist')
    await buildClient({ outDir })
    expect(existsSync(join(outDir, 'index.html'))).toBe(true)
    expect(process.env.NODE_ENV).toBe(before)
  }, 180_000)
})
