import { API_BASE, ApiProblem, callApi } from '../../api'

/**
 * The agency desk works online and keeps its sign-in for this browser tab only (sessionStorage):
 * a shared office computer forgets it when the tab closes, and nothing of the desk's claims is
 * written to the device's database the phone features use.
 */
export interface AgencySession {
  token: string
  username: string
  agencyName: string
  regionCode: string
}

const KEY = 'yidi.agencySession'

interface AgencyLoginReply {
  token: string
  role: string
  user: { username: string }
  agency?: { name: string, regionCode: string }
  mustChangePassword: boolean
}

export function readAgencySession(): AgencySession | undefined {
  const stored = sessionStorage.getItem(KEY)
  return stored ? JSON.parse(stored) as AgencySession : undefined
}

export function writeAgencySession(session: AgencySession): void {
  sessionStorage.setItem(KEY, JSON.stringify(session))
}

export function endAgencySession(): void {
  sessionStorage.removeItem(KEY)
}

/** Signs in; undefined session when the account is not an agency's (a counter account, say). */
export async function agencyLogin(username: string, password: string): Promise<{ session?: AgencySession, mustChangePassword: boolean }> {
  const reply = await callApi<AgencyLoginReply>('/auth/staff/login', { body: { username, password } })
  if (reply.role !== 'agency' || !reply.agency)
    return { mustChangePassword: false }
  return {
    session: { token: reply.token, username: reply.user.username, agencyName: reply.agency.name, regionCode: reply.agency.regionCode },
    mustChangePassword: reply.mustChangePassword,
  }
}

/** A desk request with the session's token; a 401 ends the session so the desk asks to sign in. */
export async function agencyApi<T>(path: string, options: { body?: unknown } = {}): Promise<T> {
  const session = readAgencySession()
  try {
    return await callApi<T>(path, { ...options, ...(session ? { token: session.token } : {}) })
  }
  catch (error) {
    if (error instanceof ApiProblem && error.status === 401)
      endAgencySession()
    throw error
  }
}

/** A claim's photo as an object URL for the desk to show (the file needs the token, so no plain <img src>). */
export async function agencyPhotoUrl(attachmentId: string): Promise<string> {
  const session = readAgencySession()
  const response = await fetch(`${API_BASE}/attachments/${attachmentId}`, { headers: session ? { authorization: `Bearer ${session.token}` } : {} })
  if (!response.ok)
    throw new ApiProblem(response.status, 'attachment_unavailable', String(response.status))
  return URL.createObjectURL(await response.blob())
}
