import { ref } from 'vue'
import { ApiProblem } from '../api'

/**
 * Runs a task that calls the API with a busy flag, and turns a refusal into the message a person
 * reads (the first field's, else the problem's). Anything else is a bug and is thrown on.
 */
export function useApiAttempt() {
  const busy = ref(false)
  const error = ref<string>()
  async function attempt(task: () => Promise<void>): Promise<void> {
    busy.value = true
    error.value = undefined
    try {
      await task()
    }
    catch (problem) {
      if (!(problem instanceof ApiProblem))
        throw problem
      error.value = problem.fieldErrors[0]?.message ?? problem.detail
    }
    finally {
      busy.value = false
    }
  }
  return { busy, error, attempt }
}
