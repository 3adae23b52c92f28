import { type Ref, ref, shallowRef } from 'vue'
import { InvalidActionError } from '../sync/invalidAction'

export interface UseActionSubmitReturn {
  /** The rulebook's message for a field, by its dotted path in the payload (`items.0.coveredFen`). */
  fieldErrors: Ref<Record<string, string>>
  /** A refusal that names no field, shown for the whole form. */
  formError: Ref<string | undefined>
  submitting: Ref<boolean>
  /** Runs the action; true when it was queued, false when the rulebook refused it (errors are set). */
  submit: (action: () => Promise<unknown>) => Promise<boolean>
}

/**
 * The one way a form that submits an action shows the rulebook's refusal: next to the field it
 * names, or for the whole form when it names none. Anything else is not a refusal and is thrown.
 */
export function useActionSubmit(): UseActionSubmitReturn {
  const fieldErrors = shallowRef<Record<string, string>>({})
  const formError = ref<string>()
  const submitting = ref(false)

  async function submit(action: () => Promise<unknown>): Promise<boolean> {
    fieldErrors.value = {}
    formError.value = undefined
    submitting.value = true
    try {
      await action()
      return true
    }
    catch (error) {
      if (!(error instanceof InvalidActionError))
        throw error
      const { field, message } = error.reason
      if (field)
        fieldErrors.value = { [field]: message }
      else
        formError.value = message
      return false
    }
    finally {
      submitting.value = false
    }
  }

  return { fieldErrors, formError, submitting, submit }
}
