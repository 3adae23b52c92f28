import { describe, expect, it } from 'vitest'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { policyFor } from '../../../../src/domain/policy/policyFor'
import { CHONGQING_POLICY, HEBEI_POLICY, JILIN_POLICY, YUNNAN_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { filingDeadlines } from '../../../../src/domain/reminders/filingDeadlines'
import { personDeadlines } from '../../../../src/domain/reminders/personDeadlines'
import { stayDeadlines } from '../../../../src/domain/reminders/stayDeadlines'
import { file } from '../filing/fixtures'

const kinds = (list: { kind: string }[]) => list.map(d => d.kind)

describe('deadlines of a filing', () => {
  it('Yunnan 第十条: a temporary filing reminds of its last day, 6 months from the start', () => {
    const filing = file(YUNNAN_POLICY, { category: 'other_temporary', startDate: '2026-03-01', byPromise: false })
    const deadline = filingDeadlines(filing, YUNNAN_POLICY).find(d => d.kind === 'temporary_filing_ends')
    expect(deadline).toMatchObject({ date: '2026-08-31', subject: filing.filingId, article: expect.stringContaining('云南 第十条') })
  })

  it('Chongqing 第八条: a temporary filing ends after 12 months', () => {
    const filing = file(CHONGQING_POLICY, { category: 'referral', startDate: '2026-03-01' })
    expect(filingDeadlines(filing, CHONGQING_POLICY)).toContainEqual(expect.objectContaining({ kind: 'temporary_filing_ends', date: '2027-02-28' }))
  })

  it('Jilin 第六条: a promise filing must bring its materials within 6 months', () => {
    const filing = file(JILIN_POLICY, { category: 'long_term_resident', startDate: '2026-01-15', byPromise: true })
    const deadline = filingDeadlines(filing, JILIN_POLICY).find(d => d.kind === 'promise_materials_due')
    expect(deadline).toMatchObject({ date: '2026-07-14', article: '吉医保规〔2023〕4号 第六条' })
  })

  it('Jilin 第六条: once the materials are supplied nothing is due for them', () => {
    const filing = { ...file(JILIN_POLICY, { category: 'long_term_resident', byPromise: true }), materialsSuppliedOn: '2026-02-01' }
    expect(kinds(filingDeadlines(filing, JILIN_POLICY))).not.toContain('promise_materials_due')
  })

  it('Hebei 第九条: a referral serves one visit, reminded from its start until used', () => {
    const filing = file(HEBEI_POLICY, { category: 'referral', startDate: '2026-04-02' })
    expect(filingDeadlines(filing, HEBEI_POLICY)).toContainEqual(expect.objectContaining({ kind: 'referral_one_visit', date: '2026-04-02', article: '河北规程 第九条' }))
    expect(kinds(filingDeadlines({ ...filing, usedOn: '2026-04-05' }, HEBEI_POLICY))).not.toContain('referral_one_visit')
  })

  it('Hebei 第十条: a long-term filing may change its 就医地 again 6 months after filing', () => {
    const filing = file(HEBEI_POLICY, { category: 'long_term_resident', filedOn: '2026-02-10', startDate: '2026-02-10' })
    expect(filingDeadlines(filing, HEBEI_POLICY)).toEqual([expect.objectContaining({ kind: 'long_term_lock_ends', date: '2026-08-10' })])
  })

  it('湛江 二(二): the lock counts again from the last change of 就医地', () => {
    const filing = { ...file(ZHANJIANG_POLICY, { category: 'long_term_resident', filedOn: '2026-01-05' }), destinationChangedOn: '2026-09-30' }
    expect(filingDeadlines(filing, ZHANJIANG_POLICY)).toContainEqual(expect.objectContaining({ kind: 'long_term_lock_ends', date: '2027-03-30' }))
  })

  it('national 二(三): a long-term filing without a regional lock has no deadline', () => {
    expect(filingDeadlines(file(NATIONAL_POLICY, { category: 'long_term_resident' }), NATIONAL_POLICY)).toEqual([])
  })

  it('a cancelled filing has nothing left to remind of', () => {
    const filing = { ...file(JILIN_POLICY, { category: 'long_term_resident', byPromise: true }), cancelledOn: '2026-02-01' }
    expect(filingDeadlines(filing, JILIN_POLICY)).toEqual([])
  })
})

describe('deadlines of a stay', () => {
  const stay = { stayId: 's1', admissionDate: '2026-05-01', admissionType: 'emergency' as const, filed: false, selfPaidDischargeOn: null }

  it('Hebei 第十一条: an emergency admission must be filed within 10 days', () => {
    expect(stayDeadlines(stay, HEBEI_POLICY)).toEqual([expect.objectContaining({ kind: 'emergency_filing_due', date: '2026-05-11', article: '河北规程 第十一条' })])
  })

  it('Hebei 第十一条: nothing is due once the 补办 is made, nor outside Hebei', () => {
    expect(stayDeadlines({ ...stay, filed: true }, HEBEI_POLICY)).toEqual([])
    expect(stayDeadlines(stay, NATIONAL_POLICY)).toEqual([])
  })

  it('Jilin 第十五条: a self-paid discharge may be claimed by hand until the end of the next year', () => {
    const discharged = { ...stay, admissionType: 'normal' as const, selfPaidDischargeOn: '2026-12-20' }
    expect(stayDeadlines(discharged, JILIN_POLICY)).toEqual([expect.objectContaining({ kind: 'manual_claim_due', date: '2027-12-31', article: expect.stringContaining('第十五条') })])
  })
})

describe('deadlines of a person', () => {
  it('reads each record by the policy of its own insured region', () => {
    const hebei = file(HEBEI_POLICY, { category: 'referral', startDate: '2026-04-02' })
    const jilin = file(JILIN_POLICY, { category: 'long_term_resident', startDate: '2026-01-15', byPromise: true })
    const stays = [{ stayId: 's1', insuredRegion: '130100', admissionDate: '2026-05-01', admissionType: 'emergency' as const, filed: false, selfPaidDischargeOn: null }]
    expect(kinds(personDeadlines([hebei, jilin], stays, region => policyFor(region))).toSorted())
      .toEqual(['emergency_filing_due', 'promise_materials_due', 'referral_one_visit'])
  })
})
