/**
 * The client side of `bench:sync`'s server figures, in its own process so that the server's
 * process does only the server's work (as it does behind real phones):
 * `tsx bench/support/postActions.ts <apiBase> <token> <batchSize> <actions.json>`.
 * Posts every action with a fresh id, checks each was applied, prints the elapsed milliseconds.
 */
import { readFileSync } from 'node:fs'

const [apiBase, token, batchArg, file] = process.argv.slice(2)
const batchSize = Number(batchArg)
const actions = JSON.parse(readFileSync(file!, 'utf8')) as { type: string, payload: unknown, createdAt: string }[]
const bodies = Array.from({ length: Math.ceil(actions.length / batchSize) }, (_, n) => JSON.stringify({
  deviceId: `bench-${batchSize}`,
  actions: actions.slice(n * batchSize, (n + 1) * batchSize).map(action => ({ id: crypto.randomUUID(), ...action })),
}))

const started = performance.now()
for (const body of bodies) {
  const response = await fetch(`${apiBase}/sync`, { method: 'POST', headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` }, body })
  const { results } = await response.json() as { results: { status: string }[] }
  const refused = results.find(result => result.status !== 'applied')
  if (refused)
    throw new Error(`an action was not applied: ${JSON.stringify(refused)}`)
}
console.log(JSON.stringify({ ms: performance.now() - started }))
