import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'pg'

/** A PostgreSQL server started for one test run. */
export interface TemporaryPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/yidi_test` */
  url: string
  stop: () => Promise<void>
}

/** The newest `/usr/lib/postgresql/<version>/bin`, or undefined when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root))
    return undefined
  const versions = readdirSync(root)
    .filter(version => existsSync(join(root, version, 'bin', 'initdb')))
    .toSorted((a, b) => Number(b) - Number(a))
  return versions[0] ? join(root, versions[0], 'bin') : undefined
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a throw-away PostgreSQL on 127.0.0.1 with a `yidi_test` database, or returns null when
 * no PostgreSQL binaries are installed. initdb refuses to run as root, so as root the server
 * runs as the `postgres` user in a directory it owns.
 */
export async function startTemporaryPostgres(): Promise<TemporaryPostgres | null> {
  const bin = findPostgresBin()
  if (!bin)
    return null
  const dir = mkdtempSync(join(tmpdir(), 'yidi-pg-'))
  const asRoot = process.getuid?.() === 0
  const run = (command: string, args: string[]): void => {
    const [file, fileArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args]
    execFileSync(file, fileArgs, { stdio: 'pipe' })
  }
  if (asRoot) {
    const [uid, gid] = ['-u', '-g'].map(flag => Number(execFileSync('id', [flag, 'postgres']).toString().trim()))
    chownSync(dir, uid ?? 0, gid ?? 0)
  }
  const data = join(dir, 'data')
  const port = await freePort()
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  // fsync off: the data is thrown away after the run, and tests go several times faster.
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', `-h 127.0.0.1 -p ${port} -k ${dir} -F`, '-w', 'start'])
  const stop = async (): Promise<void> => {
    run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` })
    await admin.connect()
    await admin.query('create database yidi_test')
    await admin.end()
  }
  catch (error) {
    await stop()
    throw error
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/yidi_test`, stop }
}
