import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'
import { MAX_ATTACHMENT_BYTES } from '../../../server/filing/attachments.ts'
import type { Store } from '../../../server/store/index.ts'
import { captureLogger } from '../support/logs.ts'
import { person, signInCounter, signInInsured } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

/**
 * Starts a PUT that declares `declaredBytes` but sends only its first 64 KiB, and resolves with the
 * status of the answer, or `'no answer'` when the server is still waiting for the rest of the body.
 */
function putWithoutFinishing(url: string, path: string, declaredBytes: number, token?: string): Promise<number | 'no answer'> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const req = httpRequest({
      hostname,
      port,
      path,
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', 'content-length': String(declaredBytes), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    })
    const timer = setTimeout(() => {
      req.destroy()
      resolve('no answer')
    }, 3_000)
    req.on('response', (response) => {
      clearTimeout(timer)
      response.resume()
      req.destroy()
      resolve(response.statusCode ?? 0)
    })
    req.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    req.write(Buffer.alloc(64 * 1024, 0xFF))
  })
}

describeEachStore('attachment uploads', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof testApp>
  let url: string
  let close: () => void
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    const server = app.listen(0, '127.0.0.1')
    await new Promise(resolve => server.once('listening', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => server.close()
  })
  afterAll(async () => {
    close()
    await store.close()
  })

  it('an anonymous upload is refused with 401 before its body is read', async () => {
    expect(await putWithoutFinishing(url, `/api/attachments/${crypto.randomUUID()}`, MAX_ATTACHMENT_BYTES)).toBe(401)
  })

  it('an upload declaring more than 5 MiB is refused with 413 before its body is read', async () => {
    const token = await signInInsured(app, person(301))
    expect(await putWithoutFinishing(url, `/api/attachments/${crypto.randomUUID()}`, MAX_ATTACHMENT_BYTES + 1, token)).toBe(413)
    const response = await request(app).put(`/api/attachments/${crypto.randomUUID()}`).set('authorization', `Bearer ${token}`)
      .set('content-type', 'image/jpeg').send(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0xFF))
    expect(response.status).toBe(413)
    expect(response.body.detail).toContain('5 MB')
  })

  it('API replies say Cache-Control: no-store, so personal data is never cached', async () => {
    const who = person(302)
    const token = await signInInsured(app, who)
    const counter = await signInCounter(app, store)
    const verified = await request(app).post('/api/counter/verify').set('authorization', `Bearer ${counter}`)
      .send({ idNumber: who.idNumber, name: who.name, admissionDate: '2026-11-20', admissionType: 'normal' })
    expect(verified.status).toBe(200)
    for (const response of [verified, await request(app).get('/api/me/filings').set('authorization', `Bearer ${token}`), await request(app).get('/api/health')])
      expect(response.headers['cache-control']).toBe('no-store')
  })
})
