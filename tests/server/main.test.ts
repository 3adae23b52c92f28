import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dataDir = mkdtempSync(join(tmpdir(), 'yidi-main-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('server/main.ts', () => {
  it('starts on SQLite, prints one URL to open, serves health, prints a sign-in code on a line of its own, and exits cleanly on SIGTERM', async () => {
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', YIDI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const exited = new Promise<number | null>(resolve => child.once('exit', resolve))
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /异地 running at (http:\/\/\S+)/.exec(output)
        if (match?.[1])
          resolve(match[1])
      })
      child.once('exit', code => reject(new Error(`exited with ${code}: ${output}`)))
    })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const health = await fetch(`${url}/api/health`)
    expect(await health.json()).toEqual({ ok: true, storage: 'sqlite' })

    // Without an SMS gateway, outside production, the sign-in code is printed on a line of its own.
    const started = await fetch(`${url}/api/auth/insured/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: '11010519491231002X', name: '张三', phone: '13912345678' }),
    })
    expect(started.status).toBe(200)
    await expect.poll(() => /^\s*▶ 验证码 \d{6} {2}发往 139\*{4}5678/m.test(output)).toBe(true)
    expect(output).not.toContain('13912345678')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('refuses to start with a bad PORT and says why', async () => {
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['server/main.ts'], { env: { ...process.env, PORT: 'eighty' } })
    let errors = ''
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString()
    })
    const code = await new Promise<number | null>(resolve => child.once('exit', resolve))
    expect(code).toBe(1)
    expect(errors).toContain('PORT')
  })
})
