import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../../..')

/** Two builds of the client that differ only in their build id, to play a deploy. */
export const clientBuilds = {
  a: { id: 'e2e-version-a', dir: resolve(root, 'test-results/builds/a') },
  b: { id: 'e2e-version-b', dir: resolve(root, 'test-results/builds/b') },
} as const

export const projectRoot = root
