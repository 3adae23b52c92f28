import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dirs: string[] = []
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })))

/** `server/main.ts` on a data folder, until it prints its URL; stdout and stderr are collected. */
async function start(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ url: string, output: () => string, stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(join('node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', YIDI_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const exited = new Promise(resolve => child.once('exit', resolve))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /异地 running at (http:\/\/\S+)/.exec(output)
      if (match?.[1])
        resolve(match[1])
    })
    child.once('exit', code => reject(new Error(`exited with ${code}: ${output}`)))
  })
  return { url, output: () => output, stop: async () => {
    child.kill('SIGTERM')
    await exited
  } }
}

async function signIn(url: string, who: { name: string, idNumber: string, phone: string }) {
  const post = (path: string, body: unknown) => fetch(`${url}/api/auth/insured/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const started = await (await post('start', who)).json() as { challengeId: string, devCode: string }
  return post('verify', { challengeId: started.challengeId, code: started.devCode })
}

const PRINTED = /姓名 (\S+)，身份证号码 (\d{17}[\dX])，手机号 (\d{11})/g

describe('the registry on the first start', () => {
  it('development: an empty registry gets sample people; two are printed, and one of them signs in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yidi-first-start-'))
    dirs.push(dataDir)
    const first = await start(dataDir, { NODE_ENV: 'development', YIDI_DEV_ECHO_CODE: '1' })
    const printed = [...first.output().matchAll(PRINTED)].map(([, name, idNumber, phone]) => ({ name: name!, idNumber: idNumber!, phone: phone! }))
    expect(printed).toHaveLength(2)
    expect(first.output()).toContain('首个医保窗口账号已创建')
    const verified = await signIn(first.url, printed[0]!)
    expect(verified.status).toBe(200)
    // The sample directory too, marked sample: 湛江's nine named referring hospitals among it.
    const zhanjiang = await (await fetch(`${first.url}/api/hospitals?city=440800&referrals=1`)).json() as { total: number, hospitals: { sample: boolean }[] }
    expect(zhanjiang.total).toBe(9)
    expect(zhanjiang.hospitals.every(hospital => hospital.sample)).toBe(true)
    await first.stop()

    // Not again on the next start: the registry is no longer empty.
    const second = await start(dataDir, { NODE_ENV: 'development', YIDI_DEV_ECHO_CODE: '1' })
    expect(second.output()).not.toMatch(PRINTED)
    await second.stop()
  }, 60_000)

  it('production: an empty registry stays empty, nobody signs in, and the log says why once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yidi-first-start-'))
    dirs.push(dataDir)
    const server = await start(dataDir, { NODE_ENV: 'production', YIDI_TOKEN_SECRET: 'a-production-like-secret-of-32-characters' })
    expect(server.output()).not.toMatch(PRINTED)
    expect(server.output().match(/insured registry \(参保登记\) is empty/g)).toHaveLength(1)
    expect((await (await fetch(`${server.url}/api/hospitals?city=530100`)).json() as { total: number }).total).toBe(0)
    const sample = { name: '林示例', idNumber: '530102196203089914', phone: '13800000001' }
    const started = await fetch(`${server.url}/api/auth/insured/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sample) })
    expect(started.status).toBe(200)
    const { challengeId } = await started.json() as { challengeId: string }
    const verify = await fetch(`${server.url}/api/auth/insured/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challengeId, code: '000000' }) })
    expect(verify.status).toBe(400)
    await server.stop()
  }, 60_000)
})
