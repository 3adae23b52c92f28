import { accessSync, constants } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

/** Debian's Chromium, or `CHROMIUM_PATH`. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium'
}

/**
 * Why the browser tests cannot run here, in one line a person can act on, or undefined when
 * Chromium is there: checked before the suite, so a missing browser is not twenty stack traces.
 */
export function missingChromium(path: string = chromiumPath()): string | undefined {
  try {
    accessSync(path, constants.X_OK)
    return undefined
  }
  catch {
    return `Chromium not found at ${path}: install it (apt-get install chromium on Debian) or set CHROMIUM_PATH to a Chromium or Chrome binary`
  }
}

/**
 * Debian's Chromium (or `CHROMIUM_PATH`), never a downloaded browser. The flags keep it from
 * calling out to the internet, which this machine refuses.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  }
}
