import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../support/app.ts'
import { captureLogger } from '../support/logs.ts'

const ID_NUMBER = '110105194912310021'
const PHONE = '13812345678'

async function eventually(check: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      check()
      return
    }
    catch (error) {
      if (attempt > 50)
        throw error
      await new Promise(resolve => setTimeout(resolve, 10))
    }
  }
}

describe('request logs', () => {
  it('log method, path without query, status, duration and request id', async () => {
    const { app, logs } = await createTestApp()
    const response = await request(app).get('/api/health?token=secret').set('X-Request-Id', 'req-1')
    expect(response.headers['x-request-id']).toBe('req-1')
    await eventually(() => expect(logs.entries()).toContainEqual(expect.objectContaining({
      requestId: 'req-1', method: 'GET', path: '/api/health', status: 200, durationMs: expect.any(Number),
    })))
    expect(logs.text()).not.toContain('secret')
  })

  it('never show an ID number or phone from the path or body unmasked', async () => {
    const { app, logs } = await createTestApp()
    await request(app).post(`/api/people/${ID_NUMBER}/phone/${PHONE}?idNumber=${ID_NUMBER}`).send({ idNumber: ID_NUMBER, phone: PHONE })
    await eventually(() => expect(logs.text()).toContain('/api/people/110***********0021/phone/138****5678'))
    expect(logs.text()).not.toContain(ID_NUMBER)
    expect(logs.text()).not.toContain(PHONE)
  })
})

describe('the logger', () => {
  it('masks personal fields by name and personal numbers anywhere in the text', () => {
    const { logger, text, entries } = captureLogger()
    logger.info({
      person: { idNumber: ID_NUMBER, phone: PHONE, name: '张三', note: `call ${PHONE}` },
      people: [{ idNumber: ID_NUMBER }],
      idNumbers: [ID_NUMBER],
    }, `filing for ${ID_NUMBER}`)
    logger.error({ err: new Error(`no filing for ${ID_NUMBER}, phone ${PHONE}`) }, 'lookup failed')
    expect(text()).not.toContain(ID_NUMBER)
    expect(text()).not.toContain(PHONE)
    expect(text()).not.toContain('张三')
    const [first] = entries()
    expect(first).toMatchObject({
      person: { idNumber: '110***********0021', phone: '138****5678', name: '[redacted]', note: 'call 138****5678' },
      msg: 'filing for 110***********0021',
    })
    expect(entries()[1]).toMatchObject({ err: { message: 'no filing for 110***********0021, phone 138****5678' } })
  })
})
