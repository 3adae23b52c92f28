import express from 'express'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import type { Store } from '../../server/store/index.ts'
import { captureLogger } from './support/logs.ts'
import { describeEachStore } from './support/stores.ts'

describeEachStore('GET /api/health', ({ kind, openTestStore }) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  it(`reports ok and the storage behind it (${kind})`, async () => {
    const response = await request(createApp({ store, logger: captureLogger().logger })).get('/api/health')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ ok: true, storage: kind })
  })

  it('touches the database: a closed store is not healthy', async () => {
    const database = await openTestStore()
    const app = createApp({ store: database, logger: captureLogger().logger })
    await database.close()
    const response = await request(app).get('/api/health')
    expect(response.status).toBe(500)
    expect(response.type).toBe('application/problem+json')
  })
})

describe('mounting', () => {
  it('answers /yidi/api/health when mounted under /yidi inside another app', async () => {
    const store = await import('../../server/store/index.ts').then(({ openStore }) => openStore({ sqliteFile: ':memory:' }))
    const outer = express()
    outer.get('/', (_req, res) => {
      res.send('host')
    })
    outer.use('/yidi', createApp({ store, logger: captureLogger().logger }))
    const mounted = await request(outer).get('/yidi/api/health')
    expect(mounted.status).toBe(200)
    expect(mounted.body).toEqual({ ok: true, storage: 'sqlite' })
    const unknown = await request(outer).get('/yidi/api/nothing')
    expect(unknown.status).toBe(404)
    expect(unknown.type).toBe('application/problem+json')
    expect((await request(outer).get('/')).text).toBe('host')
    await store.close()
  })
})
