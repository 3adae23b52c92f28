import { onScopeDispose, ref, type Ref, toRaw, watch } from 'vue'
import { db } from '../../db/database'
import { discardDraft, loadDraft, saveDraft } from '../../db/drafts'
import { emptyFilingForm, FILING_DRAFT_KEY, type FilingForm } from './filingForm'

export interface UseFilingDraftReturn {
  form: Ref<FilingForm | undefined>
  /** Writes the draft now (before moving to another step), not after the usual short delay. */
  saveNow: () => Promise<void>
  /** Starts over with an empty form (after a submit, or when the person asks). */
  reset: () => Promise<void>
}

/**
 * The wizard's input, resumed from IndexedDB and saved shortly after every change, so a
 * reload, a killed browser or a phone that ran out of battery loses nothing typed.
 */
export function useFilingDraft(today: string, saveDelayMs = 250): UseFilingDraftReturn {
  const form = ref<FilingForm>()
  let timer: ReturnType<typeof setTimeout> | undefined

  void (async () => {
    form.value = await loadDraft<FilingForm>(db, FILING_DRAFT_KEY) ?? emptyFilingForm(today)
  })()

  function saveSoon() {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (form.value)
        void saveDraft(db, FILING_DRAFT_KEY, toRaw(form.value))
    }, saveDelayMs)
  }
  watch(form, saveSoon, { deep: true })

  async function saveNow() {
    clearTimeout(timer)
    timer = undefined
    if (form.value)
      await saveDraft(db, FILING_DRAFT_KEY, toRaw(form.value))
  }

  // Leaving the page flushes the pending save instead of dropping it.
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
    await discardDraft(db, FILING_DRAFT_KEY)
    form.value = emptyFilingForm(today)
  }

  return { form, saveNow, reset }
}
