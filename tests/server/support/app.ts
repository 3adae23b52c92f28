import { afterAll } from 'vitest'
import { createApp } from '../../../server/app.ts'
import type { AppDeps } from '../../../server/app.ts'
import { openStore } from '../../../server/store/index.ts'
import { captureLogger } from './logs.ts'
import { rememberStore } from './registry.ts'
import type { CapturedLogger } from './logs.ts'

/** `createApp` whose store `signInInsured` may enrol people in (tests that sign insured people in). */
export function testApp(deps: AppDeps): ReturnType<typeof createApp> {
  return rememberStore(createApp(deps), deps.store) as ReturnType<typeof createApp>
}

/** An app over an in-memory SQLite store with captured logs, closed after the test file. */
export async function createTestApp(options: Partial<AppDeps> = {}): Promise<{ app: ReturnType<typeof createApp>; logs: CapturedLogger }> {
  const store = options.store ?? await openStore({ sqliteFile: ':memory:' })
  if (!options.store)
    afterAll(() => store.close())
  const logs = captureLogger()
  return { app: testApp({ store, logger: logs.logger, ...options }), logs }
}
