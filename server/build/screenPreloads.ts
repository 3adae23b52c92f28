import { basename } from 'node:path'
import { readRouteTable } from './routeTable.ts'

/**
 * Vite's `build.modulePreload.resolveDependencies`: a screen opened from the router fetches the
 * scripts it imports all at once, as Vite does by default, since the person waits for it. Any
 * other dynamic import (what loads after the first screen: the update prompt, the badges, the
 * reminders, the device's database; or on a tap) lets the browser fetch its scripts as it reads
 * them. Vite's helper appends one `<link rel="modulepreload">` per script for each such import,
 * in the task that asks for it: measured on a first visit, those appends are a large part of the
 * tasks that follow the first screen (bench:lighthouse TBT), and once the service worker is
 * installed every script is a cache hit anyway. Stylesheets are left alone (Vite adds them after this choice).
 */
export function preloadScreensOnly(routerFile: string): (file: string, deps: string[]) => string[] {
  const screens = new Set(readRouteTable(routerFile).flatMap(screen => screen.components).map(component => basename(component).replace(/\.\w+$/, '')))
  return (file, deps) => (screens.has(chunkName(file)) ? deps : [])
}

/** `assets/FilingDetailView-BS1bL9rW.js` → `FilingDetailView` (hashes are 8 letters, digits, `_` or `-`). */
function chunkName(file: string): string {
  return basename(file).replace(/-[\w-]{8}\.js$/, '')
}
