import type { Express } from 'express'
import request from 'supertest'
import { expect } from 'vitest'
import { addStaffAccount, type NewStaffAccount } from '../../../server/auth/staffAccounts.ts'
import { recordsOf } from '../../../server/registry/repository.ts'
import type { Store } from '../../../server/store/index.ts'
import { generateIdNumber } from '../../../src/domain/identity/idNumberGenerator.ts'
import { enrol, storeOfApp } from './registry.ts'

export interface Person {
  idNumber: string
  name: string
  phone: string
}

/** A distinct insured person per `n` (born 1960–1999 in 昆明 or 长春). */
export function person(n: number, region = '530102'): Person {
  return {
    idNumber: generateIdNumber({ regionCode: region, birthDate: `${1960 + (n % 40)}-03-0${1 + (n % 9)}`, sequence: (n * 10) % 1000, sex: n % 2 ? 'female' : 'male' }),
    name: `测试${'一二三四五六七八九十'[n % 10]}`,
    phone: `139${String(10_000_000 + n).slice(-8)}`,
  }
}

/**
 * Signs in through the one-time code flow (the app must echo codes) and returns the token. On an
 * app made by `testApp`, a person not yet on record is enrolled first with `registryRecord`'s
 * defaults; a test that needs another record enrols the person itself before.
 */
export async function signInInsured(app: Express, who: Person): Promise<string> {
  const store = storeOfApp(app)
  if (store && (await recordsOf(store.db, who.idNumber)).length === 0)
    await enrol(store, who)
  const started = await request(app).post('/api/auth/insured/start').send(who)
  expect(started.status, JSON.stringify(started.body)).toBe(200)
  const verified = await request(app).post('/api/auth/insured/verify').send({ challengeId: started.body.challengeId, code: started.body.devCode })
  expect(verified.status, JSON.stringify(verified.body)).toBe(200)
  return verified.body.token as string
}

export const HOSPITAL: NewStaffAccount = { username: 'counter_km', hospitalCode: 'H53010001', hospitalName: '昆明市第一人民医院', cityCode: '530100' }

export const COUNTER_PASSWORD = 'counter-Pass-2026'

/**
 * Creates a counter account in the store, signs in with its one-time password and replaces it
 * with `COUNTER_PASSWORD`, as the sign-in screen makes staff do: until then the token opens nothing.
 */
export async function signInCounter(app: Express, store: Store, account: NewStaffAccount = HOSPITAL): Promise<string> {
  const password = await addStaffAccount(store.db, account)
  const response = await request(app).post('/api/auth/staff/login').send({ username: account.username, password })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  const token = response.body.token as string
  const changed = await request(app).post('/api/auth/staff/password').set('authorization', `Bearer ${token}`).send({ currentPassword: password, newPassword: COUNTER_PASSWORD })
  expect(changed.status, JSON.stringify(changed.body)).toBe(200)
  return token
}

/** `POST /api/sync` with a bearer token. */
export function sync(app: Express, token: string, actions: unknown[]) {
  return request(app).post('/api/sync').set('authorization', `Bearer ${token}`).send({ deviceId: 'test-device', actions })
}

export function action<P>(type: string, payload: P, extra: { id?: string, dependsOn?: string[] } = {}) {
  return { id: extra.id ?? crypto.randomUUID(), type, payload, createdAt: new Date().toISOString(), ...(extra.dependsOn ? { dependsOn: extra.dependsOn } : {}) }
}

/** A verification as an offline counter logs it; `n` makes each distinct. */
export function verification(n: number, overrides: Record<string, unknown> = {}) {
  return {
    verificationId: crypto.randomUUID(),
    idNumber: person(n).idNumber,
    name: person(n).name,
    admissionDate: '2026-11-20',
    admissionType: 'normal',
    hospitalCity: '530100',
    method: 'credential_offline',
    outcome: 'valid',
    filingNumber: `YD530000-20261101-${String(n).padStart(4, '0')}`,
    verifiedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  }
}
