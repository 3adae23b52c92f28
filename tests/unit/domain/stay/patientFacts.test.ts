import { describe, expect, it } from 'vitest'
import { patientFacts } from '../../../../src/domain/stay/patientFacts'

// 11010519491231002X: born 1949-12-31, 17th digit 2 (even: female).
const ID = '11010519491231002X'

describe('性别 and 年龄 of the 住院结算单 and 外院检查购药单 (001 annexes 12, 13)', () => {
  it('reads sex from the 17th digit and counts whole years up to the day (GB 11643)', () => {
    expect(patientFacts(ID, '2026-12-30')).toEqual({ sex: 'female', age: 76 })
    expect(patientFacts(ID, '2026-12-31')).toEqual({ sex: 'female', age: 77 })
  })

  it('gives nothing for a number that does not check', () => {
    expect(patientFacts('110105194912310021', '2026-01-01')).toEqual({ sex: null, age: null })
  })
})
