import express from 'express'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { z } from 'zod/v4'
import { problemHandler } from '../../../server/http/errors.ts'
import { HttpProblem } from '../../../server/http/problem.ts'
import { createTestApp } from '../support/app.ts'
import { captureLogger } from '../support/logs.ts'

const { app } = await createTestApp()

function expectProblem(response: request.Response, status: number, code: string): void {
  expect(response.status).toBe(status)
  expect(response.type).toBe('application/problem+json')
  expect(response.body).toMatchObject({ type: `urn:yidi:problem:${code}`, status, code })
  expect(response.body.title).toEqual(expect.any(String))
  // The detail is for people, in Chinese.
  expect(response.body.detail).toMatch(/[\u4E00-\u9FFF]/)
}

describe('problem+json errors', () => {
  it('answers an unknown /api route with 404', async () => {
    expectProblem(await request(app).get('/api/x'), 404, 'not_found')
    expectProblem(await request(app).post('/api/x/y').send({ a: 1 }), 404, 'not_found')
  })

  it('answers malformed JSON with 400, never 500', async () => {
    const response = await request(app).post('/api/health').set('Content-Type', 'application/json').send('{"idNumber": ')
    expectProblem(response, 400, 'malformed_json')
  })

  it('answers a body over 1 MiB with 413', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(1024 * 1024) })
    const response = await request(app).post('/api/health').set('Content-Type', 'application/json').send(body)
    expectProblem(response, 413, 'body_too_large')
  })

  it('accepts a body just under 1 MiB', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(1000 * 1000) })
    const response = await request(app).post('/api/nothing').set('Content-Type', 'application/json').send(body)
    expectProblem(response, 404, 'not_found')
  })
})

describe('the error middleware', () => {
  const logs = captureLogger()
  const routes = express()
  routes.use(express.json())
  const bodySchema = z.object({ phone: z.string().regex(/^1\d{10}$/), days: z.number().int() })
  routes.post('/validated', (req, res) => {
    res.json(bodySchema.parse(req.body))
  })
  routes.get('/forbidden', () => {
    throw new HttpProblem(403, '只能查看本人的备案', { code: 'forbidden' })
  })
  routes.get('/broken', async () => {
    throw new Error('connection lost while reading 110105194912310021')
  })
  routes.use(problemHandler(logs.logger))

  it('turns zod errors into 400 with one entry per field', async () => {
    const response = await request(routes).post('/validated').send({ phone: '123', days: 'three' })
    expectProblem(response, 400, 'validation_failed')
    expect(response.body.errors.map((error: { field: string }) => error.field).toSorted()).toEqual(['days', 'phone'])
  })

  it('passes valid bodies through, parsed', async () => {
    const response = await request(routes).post('/validated').send({ phone: '13812345678', days: 3, extra: true })
    expect(response.body).toEqual({ phone: '13812345678', days: 3 })
  })

  it('answers an HttpProblem with its status, detail and code', async () => {
    const response = await request(routes).get('/forbidden')
    expectProblem(response, 403, 'forbidden')
    expect(response.body.detail).toBe('只能查看本人的备案')
  })

  it('answers anything else with a generic 500 and logs it (masked)', async () => {
    const response = await request(routes).get('/broken')
    expectProblem(response, 500, 'internal_error')
    expect(response.body.detail).not.toContain('connection lost')
    expect(logs.text()).toContain('connection lost')
    expect(logs.text()).not.toContain('110105194912310021')
  })
})

describe('other client errors from middleware', () => {
  it('keep their 4xx status instead of becoming 500', async () => {
    const routes = express()
    routes.get('/teapot', () => {
      throw Object.assign(new Error('short and stout'), { status: 418, expose: true })
    })
    routes.use(problemHandler(captureLogger().logger))
    expectProblem(await request(routes).get('/teapot'), 418, 'bad_request')
  })

  it('answers an unsupported charset with 415', async () => {
    const response = await request(app).post('/api/health').set('Content-Type', 'application/json; charset=koi8-r').send('{}')
    expectProblem(response, 415, 'unsupported_charset')
  })
})
