/**
 * `npm test`: every gate a person and CI run — type-check, lint, unit and server tests (SQLite,
 * and PostgreSQL when one is reachable or can be started here), then the browser suite. Runs all
 * gates even after a failure, prints one summary, and exits non-zero if anything failed.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { missingChromium } from './e2e/support/chromium.ts'
import { startTemporaryPostgres, type TemporaryPostgres } from './support/postgres.ts'

const root = resolve(import.meta.dirname, '..')
const bin = (name: string) => resolve(root, 'node_modules/.bin', name)
const reports = resolve(root, 'test-results')
mkdirSync(reports, { recursive: true })
for (const report of ['vitest-report.json', 'e2e-report.json'])
  rmSync(resolve(reports, report), { force: true })

interface Gate { name: string, ok: boolean, seconds: number }
const gates: Gate[] = []

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  console.log(`\n▶ ${name}`)
  const started = performance.now()
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' })
    child.on('close', (code) => {
      const ok = code === 0
      gates.push({ name, ok, seconds: (performance.now() - started) / 1000 })
      done(ok)
    })
  })
}

function readJson(file: string): Record<string, unknown> | undefined {
  const path = resolve(reports, file)
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> : undefined
}

async function postgresForTests(): Promise<{ url?: string, temporary?: TemporaryPostgres }> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL }
  const temporary = await startTemporaryPostgres().catch((error: unknown) => {
    console.warn(`PostgreSQL could not be started here, server tests run on SQLite only: ${String(error)}`)
    return null
  })
  return temporary ? { url: temporary.url, temporary } : {}
}

// Said first, so nobody waits through the other gates to learn the browser tests cannot run.
const chromiumProblem = missingChromium()
if (chromiumProblem)
  console.warn(`\n✗ ${chromiumProblem}. The browser tests will count as failed.`)

const typeCheckOk = await run('type-check', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json'])
const lintOk = await run('lint', bin('oxlint'), ['-c', '.oxlintrc.json', '--deny-warnings', 'src', 'server', 'tests', 'bench'])

const postgres = await postgresForTests()
console.log(postgres.url ? `\nServer tests run on SQLite and PostgreSQL (${postgres.url.replace(/\/\/[^@]*@/, '//')})` : '\nServer tests run on SQLite only: no PostgreSQL found')
let vitestOk = false
try {
  vitestOk = await run('unit and server tests', bin('vitest'), [
    'run',
    '--coverage',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resolve(reports, 'vitest-report.json')}`,
  ], { ...process.env, ...(postgres.url ? { DATABASE_URL: postgres.url } : {}) })
}
finally {
  await postgres.temporary?.stop()
}

const E2E_GATE = 'browser tests (Chromium)'
let e2eOk = false
if (chromiumProblem) {
  console.log(`\n▶ ${E2E_GATE}\n✗ not run: ${chromiumProblem}`)
  gates.push({ name: `${E2E_GATE}: not run, no Chromium`, ok: false, seconds: 0 })
}
else {
  e2eOk = await run(E2E_GATE, bin('playwright'), ['test', '-c', 'tests/e2e/playwright.config.ts'])
}

const vitest = readJson('vitest-report.json')
const e2e = readJson('e2e-report.json')?.stats as Record<string, number> | undefined
const vitestFailed = Number(vitest?.numFailedTests ?? 0)
const e2eFailed = e2e?.unexpected ?? 0
const passed = Number(vitest?.numPassedTests ?? 0) + (e2e?.expected ?? 0) + (e2e?.flaky ?? 0)
const skipped = Number(vitest?.numPendingTests ?? 0) + Number(vitest?.numTodoTests ?? 0) + (e2e?.skipped ?? 0)
// A gate that failed without a failing test (type error, lint, coverage floor, crash) counts as one.
const failed = vitestFailed + e2eFailed
  + Number(!typeCheckOk) + Number(!lintOk)
  + Number(!vitestOk && vitestFailed === 0) + Number(!e2eOk && e2eFailed === 0)

console.log('\nSummary')
for (const gate of gates)
  console.log(`  ${gate.ok ? '✓' : '✗'} ${gate.name} (${gate.seconds.toFixed(1)} s)`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exitCode = failed > 0 ? 1 : 0
