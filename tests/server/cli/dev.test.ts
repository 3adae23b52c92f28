import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const dataDir = mkdtempSync(join(tmpdir(), 'yidi-dev-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

describe('npm run dev', () => {
  it('serves on PORT, with the API proxied behind it', async () => {
    const port = await freePort()
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['server/cli/dev.ts'], {
      env: { ...process.env, PORT: String(port), DATABASE_URL: '', YIDI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    })
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        // Vite colours its output; the URL is what follows "Local:".
        const match = /Local:\s+(http:\/\/\S+)/.exec(stripVTControlCharacters(output))
        if (match?.[1])
          resolve(match[1])
      })
      child.once('exit', code => reject(new Error(`exited with ${code}: ${output}`)))
    })
    const exited = new Promise(resolve => child.once('exit', resolve))
    try {
      expect(new URL(url).port).toBe(String(port))
      expect(await (await fetch(new URL('/api/health', url))).json()).toEqual({ ok: true, storage: 'sqlite' })
    }
    finally {
      child.kill('SIGTERM')
      await exited
    }
  }, 60_000)
})
