import { build } from 'vite'
import { clientBuilds, projectRoot } from './builds.ts'

/** Builds the client twice (version A and B) before the browser tests run. */
export default async function buildClients(): Promise<void> {
  for (const { id, dir } of Object.values(clientBuilds)) {
    await build({
      root: projectRoot,
      configFile: `${projectRoot}/vite.config.ts`,
      logLevel: 'warn',
      define: { __YIDI_BUILD_ID__: JSON.stringify(id) },
      build: { outDir: dir, emptyOutDir: true },
    })
  }
}
