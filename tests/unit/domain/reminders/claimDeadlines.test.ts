import { describe, expect, it } from 'vitest'
import { HEBEI_POLICY, JILIN_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { rejectedClaimDeadlines } from '../../../../src/domain/reminders/claimDeadlines'

describe('deadline of a claim that may be made again', () => {
  const claim = { claimId: 'c1', careEndedOn: '2026-03-10' } as const

  it('Jilin 第十五条 "在次年年底前可…申请手工报销": a rejected claim may be made again until the end of the year after discharge', () => {
    expect(rejectedClaimDeadlines({ ...claim, status: 'rejected' }, JILIN_POLICY)).toEqual([
      expect.objectContaining({ kind: 'manual_claim_due', date: '2027-12-31', subject: 'c1', article: '吉医保规〔2023〕4号 第十五条、第十六条' }),
    ])
  })

  it('Jilin 第十六条 "按照出院时间核定待遇": a stay discharged on 31 December counts in that year', () => {
    expect(rejectedClaimDeadlines({ ...claim, status: 'rejected', careEndedOn: '2026-12-31' }, JILIN_POLICY)[0]?.date).toBe('2027-12-31')
  })

  it('Jilin 第十五条: a claim still under review or paid has nothing left to claim', () => {
    for (const status of ['submitted', 'reviewing', 'approved'] as const)
      expect(rejectedClaimDeadlines({ ...claim, status }, JILIN_POLICY)).toEqual([])
  })

  it('Hebei 第十一条 sets no deadline for 自费垫付回参保地报销: nothing to remind', () => {
    expect(rejectedClaimDeadlines({ ...claim, status: 'rejected' }, HEBEI_POLICY)).toEqual([])
  })
})
