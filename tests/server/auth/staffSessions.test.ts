import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addStaffAccount, disableStaffAccount, resetStaffPassword } from '../../../server/auth/staffAccounts.ts'
import type { Store } from '../../../server/store/index.ts'
import { testApp } from '../support/app.ts'
import { captureLogger } from '../support/logs.ts'
import { COUNTER_PASSWORD, HOSPITAL, signInCounter } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

const SECRET = 'a-test-secret-that-is-long-enough-for-tokens'

describeEachStore('staff sessions', ({ openTestStore }) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  const appAt = (clock?: () => Date) => testApp({
    store,
    logger: captureLogger().logger,
    tokenSecret: SECRET,
    rateLimits: { windowMs: 60_000, perIp: 1000, perAccount: 1000 },
    ...(clock ? { clock } : {}),
  })
  const audit = (app: ReturnType<typeof testApp>, token: string) => request(app).get('/api/counter/audit').set('authorization', `Bearer ${token}`)

  it('staff reset-password ends a live session at its next request, on every instance', async () => {
    const [a, b] = [appAt(), appAt()]
    const token = await signInCounter(a, store, { ...HOSPITAL, username: 'staff_reset' })
    expect((await audit(b, token)).status).toBe(200)
    await resetStaffPassword(store.db, 'staff_reset')
    for (const app of [a, b]) {
      const refused = await audit(app, token)
      expect(refused.status).toBe(401)
      expect(refused.body.detail).toMatch(/登录已过期/)
    }
  })

  it('a disabled account\'s session ends and it can no longer sign in, with the same answer as a wrong password', async () => {
    const app = appAt()
    const token = await signInCounter(app, store, { ...HOSPITAL, username: 'staff_gone' })
    await disableStaffAccount(store.db, 'staff_gone')
    expect((await audit(app, token)).status).toBe(401)
    const login = await request(app).post('/api/auth/staff/login').send({ username: 'staff_gone', password: COUNTER_PASSWORD })
    expect(login.status).toBe(401)
    expect(login.body.detail).toBe('用户名或密码不正确')
  })

  it('a token whose issue time is in the future is refused', async () => {
    const now = new Date()
    const ahead = appAt(() => new Date(now.getTime() + 10 * 60_000))
    const token = await signInCounter(ahead, store, { ...HOSPITAL, username: 'staff_future' })
    expect((await audit(ahead, token)).status).toBe(200)
    expect((await audit(appAt(() => now), token)).status).toBe(401)
    // Ordinary drift between instances (under a minute) is tolerated.
    const drift = appAt(() => new Date(now.getTime() + 30_000))
    const drifted = await signInCounter(drift, store, { ...HOSPITAL, username: 'staff_drift' })
    expect((await audit(appAt(() => now), drifted)).status).toBe(200)
  })

  it('a token on a one-time password gets 403 everywhere but the password change, then works', async () => {
    const app = appAt()
    const password = await addStaffAccount(store.db, { ...HOSPITAL, username: 'staff_otp' })
    const token = (await request(app).post('/api/auth/staff/login').send({ username: 'staff_otp', password })).body.token as string
    for (const call of [
      audit(app, token),
      request(app).post('/api/counter/verify').set('authorization', `Bearer ${token}`).send({}),
      request(app).post('/api/sync').set('authorization', `Bearer ${token}`).send({ deviceId: 'd', actions: [] }),
    ]) {
      const refused = await call
      expect(refused.status).toBe(403)
      expect(refused.body.code).toBe('password_change_required')
    }
    const changed = await request(app).post('/api/auth/staff/password').set('authorization', `Bearer ${token}`).send({ currentPassword: password, newPassword: COUNTER_PASSWORD })
    expect(changed.status).toBe(200)
    expect((await audit(app, token)).status).toBe(200)
  })

  it('an unknown username takes as long to refuse as a known one with a wrong password', async () => {
    const app = appAt()
    await addStaffAccount(store.db, { ...HOSPITAL, username: 'staff_timing' })
    const timeOf = async (username: string) => {
      const started = performance.now()
      expect((await request(app).post('/api/auth/staff/login').send({ username, password: 'not-the-password' })).status).toBe(401)
      return performance.now() - started
    }
    await timeOf('nobody_warmup')
    const median = (values: number[]) => values.toSorted((x, y) => x - y)[Math.floor(values.length / 2)]!
    const known: number[] = []
    const unknown: number[] = []
    for (let round = 0; round < 5; round++) {
      known.push(await timeOf('staff_timing'))
      unknown.push(await timeOf(`nobody_${round}`))
    }
    // Without the stand-in hash an unknown name is refused in about a millisecond, ~50× faster.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.5)
  })
})
