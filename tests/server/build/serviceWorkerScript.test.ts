import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { build, type Rollup } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serviceWorkerScript } from '../../../server/build/serviceWorkerScript.ts'
import { BACKGROUND_SYNC_TAG, FLUSH_MESSAGE } from '../../../src/sync/backgroundSync.ts'

const root = resolve(import.meta.dirname, '../../..')
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true })
const workDir = mkdtempSync(join(root, 'node_modules/.cache/yidi-sw-script-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

let script = ''
beforeAll(async () => {
  const page = join(workDir, 'page.js')
  writeFileSync(page, 'document.title = "异地"\n')
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [serviceWorkerScript(join(root, 'src/pwa/serviceWorker/backgroundSync.ts'), 'sw-background-sync.js')],
    build: { write: false, rollupOptions: { input: page } },
  }) as Rollup.RollupOutput
  const emitted = output.output.find(file => file.fileName === 'sw-background-sync.js') as Rollup.OutputAsset | undefined
  script = String(emitted?.source ?? '')
}, 60_000)

/** Runs the built script in a stand-in service worker scope with two open tabs; fires one `sync` event. */
async function fireSync(tag: string): Promise<unknown[]> {
  const listeners: ((event: unknown) => void)[] = []
  const posted: unknown[] = []
  const tab = { postMessage: (message: unknown) => posted.push(message) }
  const self = {
    clients: { matchAll: async () => [tab, tab] },
    addEventListener: (type: string, listener: (event: unknown) => void) => type === 'sync' && listeners.push(listener),
  }
  runInNewContext(script, { self })
  const work: Promise<unknown>[] = []
  for (const listener of listeners)
    listener({ tag, waitUntil: (promise: Promise<unknown>) => work.push(promise) })
  await Promise.all(work)
  return posted
}

describe('the service worker\'s Background Sync script', () => {
  it('is a classic script importScripts can load, not a module', () => {
    expect(script).toContain('addEventListener')
    expect(script).not.toMatch(/^\s*(?:import|export)\s/m)
  })

  it('asks every open tab to flush its outbox on the app\'s Background Sync tag, with the page\'s own message', async () => {
    expect(await fireSync(BACKGROUND_SYNC_TAG)).toEqual([{ type: FLUSH_MESSAGE }, { type: FLUSH_MESSAGE }])
  })

  it('leaves other sync tags alone', async () => {
    expect(await fireSync('someone-else')).toEqual([])
  })
})
