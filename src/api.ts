/** Base URL of the API, next to wherever the app itself is served (it may live under a path). */
export const API_BASE = `${import.meta.env.BASE_URL}api`

/** An RFC 9457 problem the server answered with, in words a person can read (`detail`). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string,
    readonly fieldErrors: { field: string, message: string }[] = [],
  ) {
    super(detail)
    this.name = 'ApiProblem'
  }
}

const OFFLINE_DETAIL = '网络不可用，请联网后再试。'

/**
 * JSON request to the API for work that needs the server now (sign-in, lookups). Everything a
 * person records goes through the outbox instead, so it survives having no network.
 */
export async function callApi<T>(path: string, options: { method?: string, body?: unknown, token?: string } = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    })
  }
  catch {
    throw new ApiProblem(0, 'network_error', OFFLINE_DETAIL)
  }
  const body = await response.json().catch(() => undefined) as Record<string, unknown> | undefined
  if (response.ok)
    return body as T
  const errors = Array.isArray(body?.errors) ? body.errors as { field: string, message: string }[] : []
  throw new ApiProblem(response.status, body?.code as string | undefined, String(body?.detail ?? `请求失败（${response.status}）`), errors)
}
