import * as fc from 'fast-check'

/** A bill line with each part between nothing and a few thousand 元. */
export const itemArb = fc.record({
  id: fc.uuid(),
  coveredFen: fc.integer({ min: 0, max: 500_000 }),
  classBSelfPayFen: fc.integer({ min: 0, max: 50_000 }),
  overLimitSelfPayFen: fc.integer({ min: 0, max: 50_000 }),
  selfFundedFen: fc.integer({ min: 0, max: 50_000 }),
})
