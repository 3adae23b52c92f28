import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

export interface ServerProcess {
  url: string
  /** kill -9: no shutdown hook runs, as in a power cut. */
  kill: () => void
  start: () => Promise<void>
  stop: () => Promise<void>
  readonly running: boolean
}

/** The real server (`server/main.ts`) as a child process on a fixed port, restartable on the same data. */
export function serverProcess(options: { port: number, env: NodeJS.ProcessEnv }): ServerProcess {
  let child: ChildProcess | undefined
  const url = `http://127.0.0.1:${options.port}`

  async function waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      if (!child || child.exitCode !== null)
        throw new Error('the server exited while starting')
      const healthy = await fetch(`${url}/api/health`).then(response => response.ok, () => false)
      if (healthy)
        return
      await new Promise(done => setTimeout(done, 50))
    }
    throw new Error('the server did not become healthy in 20 s')
  }

  return {
    url,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null
    },
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: root,
        env: { ...process.env, ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'ignore', 'inherit'],
      })
      await waitUntilHealthy()
    },
    kill() {
      child?.kill('SIGKILL')
    },
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null)
        return
      const exited = new Promise(done => child?.once('exit', done))
      child.kill('SIGTERM')
      await exited
    },
  }
}
