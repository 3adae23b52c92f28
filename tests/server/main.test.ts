import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SAMPLE_PEOPLE } from '../../server/registry/samplePeople.ts'

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

    // Without an SMS gateway, outside production, the sign-in code for a sample person on record
    // is printed on a line of its own, with the phone masked.
    const sample = SAMPLE_PEOPLE[0]!
    const started = await fetch(`${url}/api/auth/insured/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: sample.idNumber, name: sample.name, phone: sample.phones[0] }),
    })
    expect(started.status).toBe(200)
    await expect.poll(() => /^\s*▶ 验证码 \d{6} {2}发往 138\*{4}0001/m.test(output)).toBe(true)
    expect(output.split('\n').filter(line => line.includes('验证码')).join('\n')).not.toContain(sample.phones[0])
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
