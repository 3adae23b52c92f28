import { describe, expect, it } from 'vitest'
import { consoleCodeSender } from '../../../server/auth/codeSender.ts'
import { captureLogger } from '../support/logs.ts'

describe('consoleCodeSender (development without an SMS gateway)', () => {
  it('prints the code on one line of its own with the masked phone, and keeps the code out of the JSON log', async () => {
    const logs = captureLogger()
    const printed: string[] = []
    await consoleCodeSender(logs.logger, line => printed.push(line))('13912345678', '042917')
    const lines = printed.join('').split('\n').filter(line => line.trim())
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('验证码 042917')
    expect(lines[0]).toContain('139****5678')
    expect(lines[0]).not.toContain('13912345678')
    expect(logs.text()).not.toContain('042917')
    expect(logs.entries()[0]).toMatchObject({ msg: 'sign-in code issued', phone: '139****5678' })
  })
})
