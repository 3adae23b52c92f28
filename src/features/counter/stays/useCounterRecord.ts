import { ref, type Ref } from 'vue'
import { ApiProblem, callApi } from '../../../api'
import { db } from '../../../db/database'
import { readSession } from '../../../db/session'

/**
 * One record of the counter's hospital from the server (a slip or a settlement to print): the
 * printed forms come from the server's record, never from what the device guessed.
 */
export function useCounterRecord<T>(path: string): { data: Ref<T | undefined>, problem: Ref<string | undefined> } {
  const data = ref<T>() as Ref<T | undefined>
  const problem = ref<string>()
  void (async () => {
    const token = (await readSession(db))?.token
    try {
      data.value = await callApi<T>(path, { token })
    }
    catch (error) {
      if (!(error instanceof ApiProblem))
        throw error
      problem.value = error.detail
    }
  })()
  return { data, problem }
}
