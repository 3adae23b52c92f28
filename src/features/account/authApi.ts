import { callApi } from '../../api'
import type { StoredSession } from '../../db/session'
import { accountKey } from '../../domain/identity/accountKey'
import type { InsuredAuthStart } from '../../domain/schemas/http'
import type { MyInsuranceResponse } from '../../domain/schemas/registry'

interface InsuredVerifyReply {
  token: string
  expiresAt: string
  user: { role: 'insured', name: string, idNumberMasked: string }
  insurance: MyInsuranceResponse['records']
}

interface StaffLoginReply {
  token: string
  expiresAt: string
  /** An agency account signs in at the same endpoint; the counter screens take counters only. */
  role: 'counter' | 'agency'
  user: { username: string }
  hospital: { code: string, name: string, cityCode: string }
  mustChangePassword: boolean
}

/** Asks the server to send a one-time code to the phone; `devCode` only on development servers. */
export function startInsuredSignIn(input: InsuredAuthStart): Promise<{ challengeId: string, devCode?: string }> {
  return callApi('/auth/insured/start', { body: input })
}

export async function verifyInsuredSignIn(challengeId: string, code: string, idNumber: string): Promise<StoredSession> {
  const reply = await callApi<InsuredVerifyReply>('/auth/insured/verify', { body: { challengeId, code } })
  return { token: reply.token, expiresAt: reply.expiresAt, role: 'insured', displayName: `${reply.user.name}（${reply.user.idNumberMasked}）`, account: accountKey({ role: 'insured', idNumber }), insurance: reply.insurance }
}

export async function staffLogin(username: string, password: string): Promise<{ session: StoredSession, mustChangePassword: boolean, isCounter: boolean }> {
  const reply = await callApi<StaffLoginReply>('/auth/staff/login', { body: { username, password } })
  return {
    session: { token: reply.token, expiresAt: reply.expiresAt, role: 'counter', displayName: reply.user.username, hospital: reply.hospital, account: accountKey({ role: 'counter', username: reply.user.username }) },
    mustChangePassword: reply.mustChangePassword,
    isCounter: reply.role === 'counter',
  }
}

export function changeStaffPassword(token: string, currentPassword: string, newPassword: string): Promise<unknown> {
  return callApi('/auth/staff/password', { token, body: { currentPassword, newPassword } })
}
