import type { LaunchOptions } from '@playwright/test'

/**
 * Debian's Chromium (or `CHROMIUM_PATH`), never a downloaded browser. The flags keep it from
 * calling out to the internet, which this machine refuses.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
