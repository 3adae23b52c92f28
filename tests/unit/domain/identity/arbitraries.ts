import * as fc from 'fast-check'
import { generateIdNumber } from '../../../../src/domain/identity/idNumberGenerator'

/** Calendar dates 1900-01-01 … 2026-11-21 as `YYYY-MM-DD`. */
export const pastDateArb = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-21T00:00:00Z'), noInvalidDate: true })
  .map(d => d.toISOString().slice(0, 10))

export const sexArb = fc.constantFrom('male' as const, 'female' as const)

/** Valid 18-character 身份证号码 with the parts they were built from. */
export const idNumberArb = fc.record({
  regionCode: fc.integer({ min: 110000, max: 659999 }).map(String),
  birthDate: pastDateArb,
  sequence: fc.integer({ min: 0, max: 999 }),
  sex: sexArb,
}).map(parts => ({ parts, idNumber: generateIdNumber(parts) }))
