import { build } from 'vite'
import { clientBuilds, projectRoot } from './builds.ts'
import { missingChromium } from './chromium.ts'

/**
 * Before the browser tests: stops at once with one line when Chromium is missing, then builds the
 * client twice (version A and B, to play a deploy), saying what it does, since this takes a while.
 */
export default async function buildClients(): Promise<void> {
  const problem = missingChromium()
  if (problem)
    throw new Error(problem)
  const builds = Object.values(clientBuilds)
  for (const [index, { id, dir }] of builds.entries()) {
    const started = performance.now()
    process.stdout.write(`Building the client for the browser tests (${index + 1}/${builds.length}: ${id})…`)
    await build({
      root: projectRoot,
      configFile: `${projectRoot}/vite.config.ts`,
      logLevel: 'warn',
      define: { __YIDI_BUILD_ID__: JSON.stringify(id) },
      build: { outDir: dir, emptyOutDir: true },
    })
    process.stdout.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  }
}
