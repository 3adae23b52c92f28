/**
 * How a new action nudges the flusher without importing it: the sync store registers the wake
 * when it starts (the engine itself loads after the first screen), and `submitAction` calls it.
 */
let wake: () => void = () => {}

/** Registers what `wakeFlusher` does; the sync store calls this once. */
export function onWakeFlusher(handler: () => void): void {
  wake = handler
}

export function wakeFlusher(): void {
  wake()
}
