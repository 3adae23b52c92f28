import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAgencyAccount } from '../../../server/auth/agencyAccounts.ts'
import type { Store } from '../../../server/store/index.ts'
import { JILIN_CITY_AGENCY } from '../support/agency.ts'
import { testApp } from '../support/app.ts'
import { captureLogger } from '../support/logs.ts'
import { describeEachStore } from '../support/stores.ts'

describeEachStore('agency accounts', ({ openTestStore }) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  const app = () => testApp({ store, logger: captureLogger().logger, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })

  describe('staff of a 参保地 agency, bound to one 统筹区', () => {
    it('signs in with the one-time password as an agency of its region and must change the password', async () => {
      const server = app()
      const password = await addAgencyAccount(store.db, JILIN_CITY_AGENCY)
      const login = await request(server).post('/api/auth/staff/login').send({ username: JILIN_CITY_AGENCY.username, password })
      expect(login.status).toBe(200)
      expect(login.body).toMatchObject({ role: 'agency', agency: { name: JILIN_CITY_AGENCY.agencyName, regionCode: '220200' }, mustChangePassword: true })
      expect(login.body.hospital).toBeUndefined()

      const changed = await request(server).post('/api/auth/staff/password').set('authorization', `Bearer ${login.body.token}`).send({ currentPassword: password, newPassword: 'agency-Pass-2026' })
      expect(changed.status).toBe(200)
      const next = await request(server).post('/api/auth/staff/login').send({ username: JILIN_CITY_AGENCY.username, password: 'agency-Pass-2026' })
      expect(next.body.mustChangePassword).toBe(false)
    })

    it('an agency account is not a hospital counter: the counter routes refuse it', async () => {
      const server = app()
      const password = await addAgencyAccount(store.db, { ...JILIN_CITY_AGENCY, username: 'agency_jl_2' })
      const login = await request(server).post('/api/auth/staff/login').send({ username: 'agency_jl_2', password })
      const refunds = await request(server).get('/api/counter/refunds').set('authorization', `Bearer ${login.body.token}`)
      expect(refunds.status).toBe(403)
    })
  })
})
