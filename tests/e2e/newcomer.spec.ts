import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { clientBuilds, projectRoot } from './support/builds.ts'
import { expect, test } from './support/fixtures.ts'
import { fillCategoryAndDestination, fillWho, next, signPromise } from './support/filingWizard.ts'
import { signInInsured } from './support/signIn.ts'

test.use({ viewport: { width: 390, height: 844 } })

/** What `npm start` prints for a newcomer to sign in with (a sample person of the registry). */
const PRINTED = /姓名 (\S+)，身份证号码 (\d{17}[\dX])，手机号 (\d{11})（参保地 云南省昆明市职工医保）/

let server: ChildProcess | undefined
let dataDir: string | undefined
test.afterEach(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise(resolve => server?.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
  if (dataDir)
    rmSync(dataDir, { recursive: true, force: true })
})

test('a newcomer signs in on the first start with a sample person npm start printed, and files', async ({ page }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'yidi-e2e-newcomer-'))
  server = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', NODE_ENV: 'development', YIDI_DEV_ECHO_CODE: '1', YIDI_DATA_DIR: dataDir, YIDI_CLIENT_DIR: clientBuilds.a.dir, LOG_LEVEL: 'warn' },
  })
  let output = ''
  const started = new Promise<{ url: string, person: { name: string, idNumber: string, phone: string } }>((resolve, reject) => {
    server!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /异地 running at (http:\/\/\S+)/.exec(output)?.[1]
      const person = PRINTED.exec(output)
      if (url && person)
        resolve({ url, person: { name: person[1]!, idNumber: person[2]!, phone: person[3]! } })
    })
    server!.once('exit', code => reject(new Error(`the server exited with ${code}: ${output}`)))
  })
  const { url, person } = await started

  await signInInsured(page, url, person)
  await page.goto(`${url}/filing/new/1`)
  await fillWho(page, person)
  await next(page)
  await fillCategoryAndDestination(page)
  await next(page)
  await signPromise(page)
  await next(page)
  await next(page)
  await expect(page.locator('[data-test="filing-status"]')).toHaveText('有效·待补材料', { timeout: 20_000 })
  await expect(page.locator('[data-test="credential-qr"]')).toBeVisible()
})
