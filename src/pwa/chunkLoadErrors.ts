import type { Router } from 'vue-router'
import { usePwaStore } from '../stores/pwa'

const CHUNK_LOAD_FAILURE = /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module/i

/** True for the error a browser raises when a lazy screen's file is gone (usually after a deploy). */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_LOAD_FAILURE.test(error.message)
}

/**
 * A tab opened before a deploy may ask for a screen file that no longer exists. Instead of a
 * broken screen, offer the new version and go to the intended page when the person accepts.
 */
export function watchChunkLoadErrors(router: Router): void {
  router.onError((error, to) => {
    if (isChunkLoadError(error))
      usePwaStore().failedNavigation = to.fullPath
  })
}
