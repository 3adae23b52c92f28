/**
 * `npm start`: builds the PWA when `dist/` is missing or older than its sources, then starts the
 * server. A fresh clone therefore needs only `npm install && npm start`.
 */
import { main } from '../main.ts'
import { buildClient, needsClientBuild } from './clientBuild.ts'

try {
  if (needsClientBuild()) {
    console.log('Building the app (dist/ is missing or older than the sources)…')
    await buildClient()
  }
  await main()
}
catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
