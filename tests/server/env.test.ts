import { describe, expect, it } from 'vitest'
import { loadEnv } from '../../server/env.ts'

describe('environment', () => {
  it('has defaults a newcomer can start with', () => {
    expect(loadEnv({})).toEqual({
      PORT: 8080,
      HOST: '0.0.0.0',
      DATABASE_URL: undefined,
      YIDI_DATA_DIR: 'data',
      YIDI_CLIENT_DIR: 'dist',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      YIDI_TOKEN_SECRET: undefined,
      YIDI_DEV_ECHO_CODE: false,
      YIDI_TRUST_PROXY: false,
      YIDI_FIRST_COUNTER_CITY: '530100',
    })
  })

  it('YIDI_TRUST_PROXY takes a hop count or proxy addresses, and refuses "true" and anything unclear', () => {
    expect(loadEnv({ YIDI_TRUST_PROXY: '1' }).YIDI_TRUST_PROXY).toBe(1)
    expect(loadEnv({ YIDI_TRUST_PROXY: '10.0.0.0/8, loopback, ::1' }).YIDI_TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback', '::1'])
    for (const bad of ['true', '*', '10.0.0.0/33', 'lb.internal'])
      expect(() => loadEnv({ YIDI_TRUST_PROXY: bad }), bad).toThrow(/YIDI_TRUST_PROXY/)
  })

  it('refuses a token secret too short to protect sessions, and a city code that is not 6 digits', () => {
    expect(() => loadEnv({ YIDI_TOKEN_SECRET: 'short' })).toThrow(/YIDI_TOKEN_SECRET/)
    expect(() => loadEnv({ YIDI_FIRST_COUNTER_CITY: '5301' })).toThrow(/YIDI_FIRST_COUNTER_CITY/)
    expect(loadEnv({ YIDI_DEV_ECHO_CODE: '1' }).YIDI_DEV_ECHO_CODE).toBe(true)
  })

  it('reads PORT, DATABASE_URL and the rest', () => {
    const env = loadEnv({ PORT: '3000', DATABASE_URL: 'postgres://app@db:5432/yidi', NODE_ENV: 'production', LOG_LEVEL: 'warn' })
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: 'postgres://app@db:5432/yidi', NODE_ENV: 'production', LOG_LEVEL: 'warn' })
  })

  it('treats an empty DATABASE_URL as unset (SQLite)', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })

  it.each(['abc', '-1', '70000', '80.5', ''])('rejects PORT=%j naming the variable', (port) => {
    expect(() => loadEnv({ PORT: port })).toThrow(/PORT/)
  })

  it('rejects an unknown LOG_LEVEL and a DATABASE_URL that is not a URL, naming both', () => {
    expect(() => loadEnv({ LOG_LEVEL: 'loud', DATABASE_URL: 'not a url' })).toThrow(/LOG_LEVEL[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*LOG_LEVEL/)
  })
})
