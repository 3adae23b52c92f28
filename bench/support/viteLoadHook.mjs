// The resolve hook of watchViteLoads.ts, plain JavaScript: it runs on the loader's own thread,
// before any TypeScript loader applies to it.
import { appendFileSync } from 'node:fs'

/** Passes every resolution on, noting those under node_modules/vite/ in YIDI_BENCH_VITE_LOG. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context)
  const log = process.env.YIDI_BENCH_VITE_LOG
  if (log && /\/node_modules\/vite\//.test(resolved.url))
    appendFileSync(log, `${resolved.url}\n`)
  return resolved
}
