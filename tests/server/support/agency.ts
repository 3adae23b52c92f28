import type { Express } from 'express'
import request from 'supertest'
import { expect } from 'vitest'
import { addAgencyAccount, type NewAgencyAccount } from '../../../server/auth/agencyAccounts.ts'
import type { Store } from '../../../server/store/index.ts'

/** The agency of 吉林市 (220200), where people born in 昌邑区 (`person(n, '220202')`) are insured. */
export const JILIN_CITY_AGENCY: NewAgencyAccount = { username: 'agency_jl', agencyName: '吉林市医疗保障事业管理中心', regionCode: '220200' }

/** The agency of 长春市 (220100). */
export const CHANGCHUN_AGENCY: NewAgencyAccount = { username: 'agency_cc', agencyName: '长春市医疗保障事业管理中心', regionCode: '220100' }

/**
 * Creates an agency account in the store, signs in with its one-time password and replaces it,
 * as the desk makes staff do: until then the token opens nothing.
 */
export async function signInAgency(app: Express, store: Store, account: NewAgencyAccount = JILIN_CITY_AGENCY): Promise<string> {
  const password = await addAgencyAccount(store.db, account)
  const response = await request(app).post('/api/auth/staff/login').send({ username: account.username, password })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  const token = response.body.token as string
  const changed = await request(app).post('/api/auth/staff/password').set('authorization', `Bearer ${token}`).send({ currentPassword: password, newPassword: 'agency-Pass-2026' })
  expect(changed.status, JSON.stringify(changed.body)).toBe(200)
  return token
}
