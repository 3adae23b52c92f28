import { onScopeDispose, type Ref, ref, toRaw, watch } from 'vue'
import { db } from '../db/database'
import { discardDraft, loadDraft, saveDraft } from '../db/drafts'

export interface UseDraftOptions<T> {
  /** Where the draft is kept (`drafts` table), e.g. `filing:new`. */
  key: string
  /** The form a person starts from when there is no draft (or after `reset`). */
  empty: () => T
  /** Whether a saved draft belongs to this form (e.g. the same admission); others are ignored. */
  accept?: (draft: T) => boolean
  /** Quiet time after the last change before the draft is written (default 250 ms). */
  saveDelayMs?: number
}

export interface UseDraftReturn<T> {
  /** The form's input; undefined for the moment the draft is being read. */
  form: Ref<T | undefined>
  /** Writes the draft now (before moving on), not after the usual short delay. */
  saveNow: () => Promise<void>
  /** Starts over with an empty form and forgets the draft (after a submit, or when asked). */
  reset: () => Promise<void>
}

/**
 * A form's input resumed from IndexedDB and saved shortly after every change, so a reload, a
 * killed browser or a phone out of battery loses nothing typed. Leaving the page writes a
 * pending save instead of dropping it.
 */
export function useDraft<T extends object>(options: UseDraftOptions<T>): UseDraftReturn<T> {
  const { key, empty, accept = () => true, saveDelayMs = 250 } = options
  const form = ref<T>() as Ref<T | undefined>
  let timer: ReturnType<typeof setTimeout> | undefined

  void (async () => {
    const draft = await loadDraft<T>(db, key)
    form.value = draft && accept(draft) ? draft : empty()
  })()

  async function saveNow() {
    clearTimeout(timer)
    timer = undefined
    if (form.value)
      await saveDraft(db, key, toRaw(form.value))
  }

  watch(form, () => {
    clearTimeout(timer)
    timer = setTimeout(() => void saveNow(), saveDelayMs)
  }, { deep: true })

  const flush = () => {
    if (timer)
      void saveNow()
  }
  window.addEventListener('pagehide', flush)
  onScopeDispose(() => {
    flush()
    window.removeEventListener('pagehide', flush)
  })

  async function reset() {
    clearTimeout(timer)
    timer = undefined
    await discardDraft(db, key)
    form.value = empty()
  }

  return { form, saveNow, reset }
}
