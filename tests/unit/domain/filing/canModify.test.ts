import type { RegionPolicy } from '../../../../src/domain/policy/types'
import { describe, expect, it } from 'vitest'
import { canCancel, canChange, canSupplement, lockedUntil } from '../../../../src/domain/filing/canModify'
import { applyCancel, applyChange, applySupplement } from '../../../../src/domain/filing/transitions'
import { NATIONAL_POLICY } from '../../../../src/domain/policy/national'
import { CHONGQING_POLICY, HEBEI_POLICY, JILIN_POLICY, YUNNAN_POLICY, ZHANJIANG_POLICY } from '../../../../src/domain/policy/regionalPolicies'
import { file } from './fixtures'

type Result = { ok: true } | { ok: false, code: string }
const codeOf = (result: Result) => (result.ok ? 'ok' : result.code)
const FILED = '2026-01-10'
const EARLY = '2026-03-01'
const LATER = '2026-07-10'

describe('canChange / canCancel: long-term locks', () => {
  it.each<[string, RegionPolicy, string, string, string]>([
    ['云南 (第十条: none set)', YUNNAN_POLICY, 'ok', 'ok', 'ok'],
    ['重庆 (none)', CHONGQING_POLICY, 'ok', 'ok', 'ok'],
    ['河北 (第十条: 就医地 only)', HEBEI_POLICY, 'filing_locked', 'ok', 'ok'],
    ['湛江 (二(二): change and cancel)', ZHANJIANG_POLICY, 'filing_locked', 'filing_locked', 'filing_locked'],
    ['吉林 (none for ordinary filings)', JILIN_POLICY, 'ok', 'ok', 'ok'],
  ])('within 6 months of filing under %s: destination %s, phone %s, cancel %s', (_name, policy, destination, phone, cancel) => {
    const filing = file(policy, { startDate: FILED })
    expect(codeOf(canChange([filing], filing.filingId, { destination: '440100' }, EARLY, policy))).toBe(destination)
    expect(codeOf(canChange([filing], filing.filingId, { phone: '13912345678' }, EARLY, policy))).toBe(phone)
    expect(codeOf(canCancel([filing], filing.filingId, EARLY, policy))).toBe(cancel)
  })

  it.each([['河北', HEBEI_POLICY], ['湛江', ZHANJIANG_POLICY]] as const)('unlocks after 6 months under %s', (_name, policy) => {
    const filing = file(policy, { startDate: FILED })
    expect(lockedUntil(filing, 'change_destination', policy)).toBe('2026-07-10')
    expect(codeOf(canChange([filing], filing.filingId, { destination: '440100' }, LATER, policy))).toBe('ok')
    expect(codeOf(canCancel([filing], filing.filingId, LATER, policy))).toBe('ok')
  })

  it('tells the day the lock ends (湛江 二(二))', () => {
    const filing = file(ZHANJIANG_POLICY, { startDate: FILED })
    expect(canCancel([filing], filing.filingId, EARLY, ZHANJIANG_POLICY)).toMatchObject({ message: expect.stringContaining('2026-07-10') })
  })

  it('restarts the Hebei lock after a destination change ("再次变更", Hebei 第十条)', () => {
    const moved = applyChange(file(HEBEI_POLICY, { startDate: FILED }), { destination: '440100' }, LATER, HEBEI_POLICY)
    expect(moved.destinationChangedOn).toBe(LATER)
    expect(codeOf(canChange([moved], moved.filingId, { destination: '440300' }, '2026-09-01', HEBEI_POLICY))).toBe('filing_locked')
    expect(codeOf(canChange([moved], moved.filingId, { destination: '440300' }, '2027-01-10', HEBEI_POLICY))).toBe('ok')
  })

  it('does not lock temporary filings (湛江 二(二) names long-term filers)', () => {
    const referral = file(ZHANJIANG_POLICY, { category: 'referral', startDate: FILED })
    expect(codeOf(canCancel([referral], referral.filingId, EARLY, ZHANJIANG_POLICY))).toBe('ok')
  })

  it('treats the same destination written another way as no move', () => {
    const filing = file(HEBEI_POLICY, { destination: '500000', startDate: FILED })
    expect(codeOf(canChange([filing], filing.filingId, { destination: '500100' }, EARLY, HEBEI_POLICY))).toBe('ok')
  })
})

describe('canChange: promise and destination rules', () => {
  it('refuses any change of a Jilin promise filing before materials, allows it after (Jilin 第六条(一))', () => {
    const promise = file(JILIN_POLICY, { byPromise: true, startDate: FILED })
    expect(canChange([promise], promise.filingId, { phone: '13912345678' }, EARLY, JILIN_POLICY)).toMatchObject({ ok: false, code: 'promise_change_locked' })
    const supplied = applySupplement(promise, '2026-02-01')
    expect(codeOf(canChange([supplied], supplied.filingId, { phone: '13912345678' }, EARLY, JILIN_POLICY))).toBe('ok')
  })

  it('lets a national promise filing change before materials', () => {
    const promise = file(NATIONAL_POLICY, { byPromise: true, startDate: FILED })
    expect(codeOf(canChange([promise], promise.filingId, { phone: '13912345678' }, EARLY, NATIONAL_POLICY))).toBe('ok')
  })

  it.each([
    ['530000', 'destination_province_not_allowed'],
    ['420100', 'destination_is_home'],
    ['310000', 'destination_conflict'],
    ['110000', 'ok'],
  ])('moving to %s → %s', (destination, expected) => {
    const filing = file(NATIONAL_POLICY, { startDate: FILED })
    const other = file(NATIONAL_POLICY, { destination: '310000', startDate: FILED })
    expect(codeOf(canChange([filing, other], filing.filingId, { destination }, EARLY, NATIONAL_POLICY))).toBe(expected)
  })

  it('refuses an unknown, cancelled or lapsed filing', () => {
    const cancelled = applyCancel(file(NATIONAL_POLICY, { startDate: FILED }), '2026-02-01')
    const lapsed = file(JILIN_POLICY, { byPromise: true, startDate: '2025-06-01' })
    expect(codeOf(canChange([cancelled], 'nope', { phone: '13912345678' }, EARLY, NATIONAL_POLICY))).toBe('not_found')
    expect(codeOf(canChange([cancelled], cancelled.filingId, { phone: '13912345678' }, EARLY, NATIONAL_POLICY))).toBe('filing_inactive')
    expect(codeOf(canCancel([cancelled], cancelled.filingId, EARLY, NATIONAL_POLICY))).toBe('filing_inactive')
    expect(codeOf(canCancel([lapsed], lapsed.filingId, EARLY, JILIN_POLICY))).toBe('promise_lapsed')
  })

  it('lets a scheduled filing be cancelled before it starts', () => {
    const scheduled = file(NATIONAL_POLICY, { startDate: '2026-06-01', filedOn: FILED })
    expect(codeOf(canCancel([scheduled], scheduled.filingId, EARLY, NATIONAL_POLICY))).toBe('ok')
  })
})

describe('canSupplement (Jilin 第六条(二))', () => {
  const promise = file(JILIN_POLICY, { byPromise: true, startDate: FILED })

  it('accepts materials for a waiting promise filing', () => {
    expect(canSupplement([promise], promise.filingId, EARLY)).toEqual({ ok: true })
  })

  it.each([
    ['an unknown filing', 'missing', EARLY, 'not_found'],
    ['a filing made with materials', 'ordinary', EARLY, 'not_promise_filing'],
    ['a lapsed promise', 'promise', '2026-07-10', 'promise_lapsed'],
    ['materials already supplied', 'supplied', EARLY, 'materials_already_supplied'],
    ['a cancelled promise', 'cancelled', EARLY, 'filing_inactive'],
  ])('refuses %s', (_name, which, date, expected) => {
    const filings = {
      missing: promise,
      ordinary: file(JILIN_POLICY, { startDate: FILED }),
      promise,
      supplied: applySupplement(promise, '2026-02-01'),
      cancelled: applyCancel(promise, '2026-02-01'),
    }
    const filing = filings[which as keyof typeof filings]
    const id = which === 'missing' ? 'missing-id' : filing.filingId
    expect(codeOf(canSupplement([filing], id, date))).toBe(expected)
  })
})
