import { type MaybeRefOrGetter, onMounted, ref, type Ref, toValue } from 'vue'
import { ApiProblem, callApi } from '../../api'
import { db } from '../../db/database'
import { readSession } from '../../db/session'

export interface UseCounterFetchReturn<T> {
  data: Ref<T | undefined>
  /** The server's reason in words when it cannot answer (offline included). */
  problem: Ref<string | undefined>
  /** The same reason by field (`from`, `q` …), to show beside the input it names. */
  fieldErrors: Ref<Record<string, string>>
  load: () => Promise<void>
}

export interface UseCounterFetchOptions {
  /** A search sent as a POST body (a 姓名 or 身份证号码 never goes into a URL); read anew at each load. */
  body?: MaybeRefOrGetter<unknown>
}

/** Reads a counter endpoint with the stored session when the screen opens and on `load()`. */
export function useCounterFetch<T>(path: string, options: UseCounterFetchOptions = {}): UseCounterFetchReturn<T> {
  const data = ref<T>() as Ref<T | undefined>
  const problem = ref<string>()
  const fieldErrors = ref<Record<string, string>>({})
  async function load() {
    problem.value = undefined
    fieldErrors.value = {}
    const token = (await readSession(db))?.token
    if (!token)
      return
    try {
      const body = toValue(options.body)
      data.value = await callApi<T>(path, body === undefined ? { token } : { token, body })
    }
    catch (error) {
      if (!(error instanceof ApiProblem))
        throw error
      problem.value = error.detail
      fieldErrors.value = Object.fromEntries(error.fieldErrors.map(item => [item.field, item.message]))
    }
  }
  onMounted(load)
  return { data, problem, fieldErrors, load }
}
