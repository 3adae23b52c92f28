import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { build, type Rollup } from 'vite'
import 'fake-indexeddb/auto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { serviceWorkerScript } from '../../../server/build/serviceWorkerScript.ts'
import { BACKGROUND_SYNC_TAG, FLUSH_MESSAGE } from '../../../src/sync/backgroundSync.ts'
import { YidiDatabase } from '../../../src/db/database.ts'
import { addDays, chinaDateOf } from '../../../src/domain/dates/calendarDate.ts'
import { keepReminderDigest } from '../../../src/features/reminders/periodicReminders.ts'
import { PERIODIC_NOTIFIED_KEY, PERIODIC_REMINDERS_TAG } from '../../../src/features/reminders/reminderDigest.ts'

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
    plugins: [serviceWorkerScript(join(root, 'src/pwa/serviceWorker/script.ts'), 'sw-events.js')],
    build: { write: false, rollupOptions: { input: page } },
  }) as Rollup.RollupOutput
  const emitted = output.output.find(file => file.fileName === 'sw-events.js') as Rollup.OutputAsset | undefined
  script = String(emitted?.source ?? '')
}, 60_000)

/** Runs the built script in a stand-in service worker scope with two open tabs; fires one `sync` event. */
async function fireSync(tag: string): Promise<unknown[]> {
  const listeners: ((event: unknown) => void)[] = []
  const posted: unknown[] = []
  const tab = { postMessage: (message: unknown) => posted.push(message) }
  const self = {
    clients: { matchAll: async () => [tab, tab] },
    indexedDB,
    registration: { showNotification: async () => {} },
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

/**
 * Runs the built script in a stand-in service worker scope over this process's IndexedDB (the
 * page's database, as fake-indexeddb holds it); fires one `periodicsync` event and returns the
 * notifications it showed.
 */
async function firePeriodicSync(tag: string): Promise<{ title: string, options: { body: string, tag: string } }[]> {
  const listeners: ((event: unknown) => void)[] = []
  const shown: { title: string, options: { body: string, tag: string } }[] = []
  const self = {
    clients: { matchAll: async () => [] },
    indexedDB,
    registration: { showNotification: async (title: string, options: { body: string, tag: string }) => void shown.push({ title, options }) },
    addEventListener: (type: string, listener: (event: unknown) => void) => type === 'periodicsync' && listeners.push(listener),
  }
  runInNewContext(script, { self })
  const work: Promise<unknown>[] = []
  for (const listener of listeners)
    listener({ tag, waitUntil: (promise: Promise<unknown>) => work.push(promise) })
  await Promise.all(work)
  return shown
}

describe('the service worker\'s Periodic Background Sync of reminders', () => {
  const today = chinaDateOf(new Date())
  const text = { title: 'Medical care away from home: reminder', body: '{count} deadlines within 14 days' }
  let database: YidiDatabase | undefined
  afterEach(async () => {
    await database?.delete()
    database = undefined
  })

  it('Hebei 第十一条: with the app closed, one notification says how many deadlines fall within 14 days, once a China day', async () => {
    database = new YidiDatabase()
    await keepReminderDigest(database, [
      { kind: 'emergency_filing_due', date: addDays(today, 3), subject: 'a1', article: '河北规程 第十一条', reason: '急诊入院须在10日内补办异地就医备案' },
      { kind: 'temporary_filing_ends', date: addDays(today, 14), subject: 'f1', article: '云南 第十条', reason: '临时异地就医备案有效期截止' },
      { kind: 'manual_claim_due', date: addDays(today, 200), subject: 'a2', article: '吉医保规〔2023〕4号 第十五条', reason: '出院自费结算的费用须在此日前回参保地申请手工报销' },
    ], text)
    expect(await firePeriodicSync(PERIODIC_REMINDERS_TAG)).toEqual([{ title: text.title, options: { body: '2 deadlines within 14 days', tag: 'yidi-reminders' } }])
    expect((await database.meta.get(PERIODIC_NOTIFIED_KEY))?.value).toBe(today)
    expect(await firePeriodicSync(PERIODIC_REMINDERS_TAG)).toEqual([])
  })

  it('shows nothing when nothing is due within 14 days, or for another tag', async () => {
    database = new YidiDatabase()
    await keepReminderDigest(database, [{ kind: 'manual_claim_due', date: addDays(today, 15), subject: 'a2', article: '', reason: '' }], text)
    expect(await firePeriodicSync(PERIODIC_REMINDERS_TAG)).toEqual([])
    await keepReminderDigest(database, [{ kind: 'manual_claim_due', date: addDays(today, 1), subject: 'a2', article: '', reason: '' }], text)
    expect(await firePeriodicSync('someone-else')).toEqual([])
    expect(await firePeriodicSync(PERIODIC_REMINDERS_TAG)).toHaveLength(1)
  })

  it('on a browser where the app never opened its database, shows nothing and creates none', async () => {
    expect(await firePeriodicSync(PERIODIC_REMINDERS_TAG)).toEqual([])
    expect((await indexedDB.databases()).map(info => info.name)).not.toContain('yidi')
  })
})
