import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { preloadScreensOnly } from '../../../server/build/screenPreloads.ts'

const resolveDependencies = preloadScreensOnly(resolve(import.meta.dirname, '../../../src/router.ts'))
const deps = ['assets/vant-CMQogxLM.js', 'assets/useLiveQueryAfter-BP92hI8j.js']

describe('which dynamic imports fetch their scripts all at once', () => {
  it('a screen the router opens: the person waits for it', () => {
    expect(resolveDependencies('assets/FilingDetailView-BS1bL9rW.js', deps)).toEqual(deps)
    expect(resolveDependencies('assets/CounterSignInView-Cy77Klko.js', deps)).toEqual(deps)
  })

  it('a screen whose file hash begins with a dash', () => {
    expect(resolveDependencies('assets/FilingPrintView--E_swKQC.js', deps)).toEqual(deps)
  })

  it('what loads after the first screen or on a tap: the browser follows its imports', () => {
    expect(resolveDependencies('assets/SyncBadge-CNhaDdYw.js', deps)).toEqual([])
    expect(resolveDependencies('assets/watchDueSoon-Czc14EkJ.js', deps)).toEqual([])
    expect(resolveDependencies('assets/PwaUpdatePrompt-wgyGNKph.js', deps)).toEqual([])
  })
})
