import { onMounted, ref, type Ref } from 'vue'
import { ApiProblem, callApi } from '../../api'
import { db } from '../../db/database'
import { readSession } from '../../db/session'

/**
 * Reads a counter endpoint with the stored session when the screen opens and on `load()`:
 * the data, or the server's reason in words when it cannot (offline included).
 */
export function useCounterFetch<T>(path: string): { data: Ref<T | undefined>, problem: Ref<string | undefined>, load: () => Promise<void> } {
  const data = ref<T>() as Ref<T | undefined>
  const problem = ref<string>()
  async function load() {
    problem.value = undefined
    const token = (await readSession(db))?.token
    if (!token)
      return
    try {
      data.value = await callApi<T>(path, { token })
    }
    catch (error) {
      if (!(error instanceof ApiProblem))
        throw error
      problem.value = error.detail
    }
  }
  onMounted(load)
  return { data, problem, load }
}
