import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { testApp } from './support/app.ts'
import { addStaffAccount } from '../../server/auth/staffAccounts.ts'
import type { Store } from '../../server/store/index.ts'
import { captureLogger } from './support/logs.ts'
import { HOSPITAL, person, signInInsured } from './support/session.ts'
import { enrol } from './support/registry.ts'
import { describeEachStore } from './support/stores.ts'

describeEachStore('sign-in', ({ openTestStore }) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
    // The people these tests sign in with raw requests are on record; `signInInsured` enrols its own.
    await enrol(store, Array.from({ length: 8 }, (_, index) => person(index + 1)))
  })
  afterAll(() => store.close())

  function app(options: { now?: () => Date, perAccount?: number, echo?: boolean } = {}) {
    const logs = captureLogger()
    return {
      logs,
      app: testApp({
        store,
        logger: logs.logger,
        devEchoCode: options.echo ?? true,
        tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens',
        rateLimits: { windowMs: 60_000, perIp: 1000, perAccount: options.perAccount ?? 1000 },
        ...(options.now ? { clock: options.now } : {}),
      }),
    }
  }

  describe('insured people: 身份证号码 + 姓名 + 手机号 + one-time code', () => {
    it('signs in with the code and gets a token that opens their own filings', async () => {
      const { app: server } = app()
      const who = person(1)
      const token = await signInInsured(server, who)
      const mine = await request(server).get('/api/me/filings').set('authorization', `Bearer ${token}`)
      expect(mine.status).toBe(200)
      expect(mine.body).toEqual({ own: [], family: [] })
    })

    it('reports the person masked, never the full 身份证号码', async () => {
      const { app: server } = app()
      const who = person(2)
      const started = await request(server).post('/api/auth/insured/start').send(who)
      const verified = await request(server).post('/api/auth/insured/verify').send({ challengeId: started.body.challengeId, code: started.body.devCode })
      expect(verified.body.user).toEqual({ role: 'insured', name: who.name, idNumberMasked: `${who.idNumber.slice(0, 3)}***********${who.idNumber.slice(-4)}` })
      expect(JSON.stringify(verified.body)).not.toContain(who.idNumber)
    })

    it('does not echo the code unless asked, and logs the phone masked', async () => {
      const { app: server, logs } = app({ echo: false })
      const who = person(3)
      const started = await request(server).post('/api/auth/insured/start').send(who)
      expect(started.status).toBe(200)
      expect(started.body.devCode).toBeUndefined()
      expect(logs.text()).not.toContain(who.phone)
      expect(logs.text()).not.toContain(who.idNumber)
    })

    it('refuses a bad 身份证号码 with a field error, not a 500', async () => {
      const { app: server } = app()
      const response = await request(server).post('/api/auth/insured/start').send({ ...person(4), idNumber: '110105194912310021' })
      expect(response.status).toBe(400)
      expect(response.body.errors[0]).toMatchObject({ field: 'idNumber', message: '身份证号码校验位不正确，请逐位核对' })
    })

    it('counts wrong codes down and locks the challenge after five', async () => {
      const { app: server } = app()
      const started = await request(server).post('/api/auth/insured/start').send(person(5))
      const wrong = started.body.devCode === '000000' ? '111111' : '000000'
      const messages: string[] = []
      for (let attempt = 0; attempt < 5; attempt++)
        messages.push((await request(server).post('/api/auth/insured/verify').send({ challengeId: started.body.challengeId, code: wrong })).body.detail)
      expect(messages[0]).toBe('验证码不正确，还可尝试4次')
      expect(messages[4]).toBe('验证码错误次数过多，请重新获取')
      const right = await request(server).post('/api/auth/insured/verify').send({ challengeId: started.body.challengeId, code: started.body.devCode })
      expect(right.status).toBe(400)
      expect(right.body.code).toBe('code_locked')
    })

    it('lets a code expire after 5 minutes and be used only once', async () => {
      let now = new Date('2026-11-24T08:00:00Z')
      const { app: server } = app({ now: () => now })
      const started = await request(server).post('/api/auth/insured/start').send(person(6))
      now = new Date('2026-11-24T08:05:01Z')
      const late = await request(server).post('/api/auth/insured/verify').send({ challengeId: started.body.challengeId, code: started.body.devCode })
      expect(late.body.code).toBe('code_expired')

      now = new Date('2026-11-24T09:00:00Z')
      const again = await request(server).post('/api/auth/insured/start').send(person(6))
      const body = { challengeId: again.body.challengeId, code: again.body.devCode }
      expect((await request(server).post('/api/auth/insured/verify').send(body)).status).toBe(200)
      expect((await request(server).post('/api/auth/insured/verify').send(body)).body.code).toBe('code_expired')
    })

    it('rate-limits code requests per person with 429 and Retry-After', async () => {
      const { app: server } = app({ perAccount: 2 })
      const who = person(7)
      await request(server).post('/api/auth/insured/start').send(who)
      await request(server).post('/api/auth/insured/start').send(who)
      const third = await request(server).post('/api/auth/insured/start').send(who)
      expect(third.status).toBe(429)
      expect(third.type).toBe('application/problem+json')
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0)
      expect(third.body.detail).toMatch(/尝试次数过多/)
      // Someone else is not held back by that person's attempts.
      expect((await request(server).post('/api/auth/insured/start').send(person(8))).status).toBe(200)
    })
  })

  describe('counter staff: username + password bound to a hospital', () => {
    it('signs in with the one-time password, must change it, then uses the new one', async () => {
      const { app: server } = app()
      const password = await addStaffAccount(store.db, { ...HOSPITAL, username: 'staff_a' })
      const login = await request(server).post('/api/auth/staff/login').send({ username: 'staff_a', password })
      expect(login.status).toBe(200)
      expect(login.body).toMatchObject({ role: 'counter', user: { username: 'staff_a' }, hospital: { code: HOSPITAL.hospitalCode, name: HOSPITAL.hospitalName, cityCode: '530100' }, mustChangePassword: true })

      const weak = await request(server).post('/api/auth/staff/password').set('authorization', `Bearer ${login.body.token}`).send({ currentPassword: password, newPassword: '12345678901' })
      expect(weak.status).toBe(400)
      expect(weak.body.errors[0].field).toBe('newPassword')
      const changed = await request(server).post('/api/auth/staff/password').set('authorization', `Bearer ${login.body.token}`).send({ currentPassword: password, newPassword: 'counter-Pass-2026' })
      expect(changed.status).toBe(200)

      expect((await request(server).post('/api/auth/staff/login').send({ username: 'staff_a', password })).status).toBe(401)
      const next = await request(server).post('/api/auth/staff/login').send({ username: 'staff_a', password: 'counter-Pass-2026' })
      expect(next.body.mustChangePassword).toBe(false)
    })

    it('a password change is limited per account and by failures only: anonymous calls from the same address lock nobody out', async () => {
      const { app: server } = app({ perAccount: 2 })
      const password = await addStaffAccount(store.db, { ...HOSPITAL, username: 'staff_limit' })
      for (let attempt = 0; attempt < 10; attempt++)
        expect((await request(server).post('/api/auth/staff/password').send({ currentPassword: 'guess-guess-1', newPassword: 'counter-Pass-2026' })).status).toBe(401)
      const token = (await request(server).post('/api/auth/staff/login').send({ username: 'staff_limit', password })).body.token as string
      const change = (currentPassword: string, newPassword: string) =>
        request(server).post('/api/auth/staff/password').set('authorization', `Bearer ${token}`).send({ currentPassword, newPassword })
      expect((await change(password, 'counter-Pass-2026')).status).toBe(200)
      expect((await change('counter-Pass-2026', 'counter-Pass-2027')).status).toBe(200)
      expect((await change('counter-Pass-2027', 'counter-Pass-2028')).status).toBe(200)

      expect((await change('wrong-Pass-0001', 'counter-Pass-2029')).status).toBe(400)
      expect((await change('wrong-Pass-0002', 'counter-Pass-2029')).status).toBe(400)
      const locked = await change('counter-Pass-2028', 'counter-Pass-2029')
      expect(locked.status).toBe(429)
      expect(locked.body.detail).toMatch(/尝试次数过多/)
    })

    it('answers a wrong password and an unknown user alike', async () => {
      const { app: server } = app()
      await addStaffAccount(store.db, { ...HOSPITAL, username: 'staff_b' })
      const wrong = await request(server).post('/api/auth/staff/login').send({ username: 'staff_b', password: 'not-the-password' })
      const unknown = await request(server).post('/api/auth/staff/login').send({ username: 'nobody', password: 'not-the-password' })
      expect([wrong.status, unknown.status]).toEqual([401, 401])
      expect(wrong.body.detail).toBe(unknown.body.detail)
    })

    it('keeps no password in the database, only its scrypt hash', async () => {
      const password = await addStaffAccount(store.db, { ...HOSPITAL, username: 'staff_c' })
      const row = await store.db.selectFrom('staff_accounts').select('password_hash').where('username', '=', 'staff_c').executeTakeFirstOrThrow()
      expect(row.password_hash).toMatch(/^scrypt\$/)
      expect(row.password_hash).not.toContain(password)
    })
  })

  describe('tokens', () => {
    it('401 without a token, with a forged one, or after it expires', async () => {
      let now = new Date()
      const { app: server } = app({ now: () => now })
      expect((await request(server).get('/api/me/filings')).status).toBe(401)
      expect((await request(server).get('/api/me/filings').set('authorization', 'Bearer not.a.token')).status).toBe(401)
      const token = await signInInsured(server, person(9))
      now = new Date(now.getTime() + 29 * 24 * 3600 * 1000)
      expect((await request(server).get('/api/me/filings').set('authorization', `Bearer ${token}`)).status).toBe(200)
      now = new Date(now.getTime() + 2 * 24 * 3600 * 1000)
      const expired = await request(server).get('/api/me/filings').set('authorization', `Bearer ${token}`)
      expect(expired.status).toBe(401)
      expect(expired.body.detail).toBe('登录已过期，请重新登录')
      now = new Date()
      const other = createApp({ store, logger: captureLogger().logger, tokenSecret: 'another-secret-another-secret-another' })
      expect((await request(other).get('/api/me/filings').set('authorization', `Bearer ${token}`)).status).toBe(401)
    })

    it('403 when an insured person calls a counter endpoint', async () => {
      const { app: server } = app()
      const token = await signInInsured(server, person(10))
      const response = await request(server).get('/api/revocations').set('authorization', `Bearer ${token}`)
      expect(response.status).toBe(403)
      expect(response.body.detail).toBe('此功能仅限医保窗口工作人员使用')
    })
  })
})
