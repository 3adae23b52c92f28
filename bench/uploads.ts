/**
 * `npm run bench:uploads`: 20 uploads of 5 MiB at once with no token, then 20 with an expired one,
 * against the real server in a child process; prints the server's resident memory before and
 * after each round. Refused uploads should cost the server next to nothing. Never fails on figures.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const UPLOADS = 20
const BODY = Buffer.alloc(5 * 1024 * 1024, 0xFF)

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as { port: number }
    probe.close(() => resolve(free))
  })
})
const dataDir = mkdtempSync(join(tmpdir(), 'yidi-bench-uploads-'))
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', YIDI_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
await new Promise<void>((resolve) => {
  server.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('running at'))
      resolve()
  })
})
const url = `http://127.0.0.1:${port}`
const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

async function round(label: string, headers: Record<string, string>): Promise<void> {
  const before = rssMiB()
  const started = performance.now()
  const statuses = await Promise.all(Array.from({ length: UPLOADS }, () =>
    fetch(`${url}/api/attachments/${crypto.randomUUID()}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg', ...headers }, body: BODY })
      .then(response => String(response.status), (error: Error) => error.message)))
  await new Promise(resolve => setTimeout(resolve, 500))
  const answers = [...new Set(statuses)].join(', ')
  console.log(`${label}: ${UPLOADS} × 5 MiB → ${answers} in ${((performance.now() - started) / 1000).toFixed(2)} s; server RSS ${before.toFixed(0)} → ${rssMiB().toFixed(0)} MiB`)
}

try {
  await round('no token     ', {})
  await round('expired token', { authorization: 'Bearer expired.token.value' })
}
finally {
  server.kill('SIGTERM')
  await new Promise(resolve => server.once('exit', resolve))
  rmSync(dataDir, { recursive: true, force: true })
}
