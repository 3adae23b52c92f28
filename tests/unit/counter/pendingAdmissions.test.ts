import { describe, expect, it } from 'vitest'
import type { OutboxEntry } from '../../../src/db/database'
import type { OpenStayView } from '../../../src/domain/schemas/stay'
import { overlayPendingAdmissions } from '../../../src/features/counter/stays/overlayPendingAdmissions'
import { overlayPendingSlips } from '../../../src/features/counter/stays/overlayPendingSlips'

const LISTED = '00000000-0000-4000-8000-000000000001'
const NEW = '00000000-0000-4000-8000-000000000002'
const SAVED_AT = '2026-11-22T02:00:00Z'

const listed: OpenStayView = {
  admissionId: LISTED,
  idNumber: '11010519491231002X',
  name: '王秀英',
  sex: 'female',
  age: 76,
  admissionDate: '2026-11-20',
  admissionType: 'normal',
  coverage: { ok: true, insuredRegion: '220100', insuranceType: 'employee', ratioCutPoints: 0, outcome: 'valid' },
  claimRegion: '220100',
  accumulators: {},
  slips: [],
}

const entry = (type: OutboxEntry['type'], payload: unknown, overrides: Partial<OutboxEntry> = {}) =>
  ({ id: crypto.randomUUID(), type, payload, createdAt: '2026-11-22T03:00:00Z', status: 'pending', attempts: 0, account: 'counter1', ...overrides }) as OutboxEntry

const admission = (admissionId = NEW) => ({ admissionId, idNumber: '110105198001010016', name: '李建国', admissionDate: '2026-11-22', admissionType: 'emergency', traumaFlag: false, thirdPartyFlag: false, outcome: 'deemed' })
const context = { account: 'counter1', savedAt: SAVED_AT, unconfirmed: [] as string[] }

describe('an admission recorded offline is among the patients in hospital at once (offline-first)', () => {
  it('an unsent 入院登记 of this counter is listed first, marked 待同步, with the patient\'s 性别 and 年龄', () => {
    const stays = overlayPendingAdmissions([listed], [entry('admission.record', admission())], context)
    expect(stays.map(stay => [stay.admissionId, stay.pending ?? false])).toEqual([[NEW, true], [LISTED, false]])
    expect(stays[0]).toMatchObject({ name: '李建国', admissionDate: '2026-11-22', admissionType: 'emergency', sex: 'male', age: 46, slips: [] })
    // The server has not judged it: it cannot settle directly until it is listed.
    expect(stays[0]!.coverage.ok).toBe(false)
  })

  it('a slip issued offline for that admission shows on it too', () => {
    const slip = entry('outsideSlip.issue', { slipId: '00000000-0000-4000-8000-0000000000b1', admissionId: NEW, kind: 'pharmacy', department: '骨科', diagnosis: '骨折', outsideName: '大药房', items: '药', reason: '本院无药', issuedOn: '2026-11-22' })
    const [shown] = overlayPendingSlips(overlayPendingAdmissions([], [entry('admission.record', admission()), slip], context), [slip])
    expect(shown!.slips.map(item => item.slipId)).toEqual(['00000000-0000-4000-8000-0000000000b1'])
  })

  it('is not doubled once listed, stays shown when applied after the list was fetched, and goes when a later list no longer holds it', () => {
    expect(overlayPendingAdmissions([listed], [entry('admission.record', admission(LISTED))], context)).toHaveLength(1)
    const applied = entry('admission.record', admission(), { status: 'applied' })
    expect(overlayPendingAdmissions([listed], [applied], context).map(stay => stay.admissionId)).toEqual([NEW, LISTED])
    // A list fetched after the action was made would hold it: if it does not, the stay has left.
    expect(overlayPendingAdmissions([listed], [applied], { ...context, savedAt: '2026-11-22T04:00:00Z' }).map(stay => stay.admissionId)).toEqual([LISTED])
  })

  it('stays shown when the list was asked for while it was still unsent, even if it was applied on the way', () => {
    const applied = entry('admission.record', admission(), { status: 'applied' })
    const racing = { ...context, savedAt: '2026-11-22T04:00:00Z', unconfirmed: [NEW] }
    expect(overlayPendingAdmissions([listed], [applied], racing).map(stay => stay.admissionId)).toEqual([NEW, LISTED])
  })

  it('a refused admission, or one made under another account on this device, is not this counter\'s patient', () => {
    expect(overlayPendingAdmissions([listed], [entry('admission.record', admission(), { status: 'rejected' })], context)).toHaveLength(1)
    expect(overlayPendingAdmissions([listed], [entry('admission.record', admission(), { account: 'counter2' })], context)).toHaveLength(1)
  })
})

describe('a stay discharged without direct settlement leaves the open list at once', () => {
  it('is marked leaving while queued or applied, and back as it was when the server refused it', () => {
    const discharge = { admissionId: LISTED, dischargedOn: '2026-11-22' }
    expect(overlayPendingAdmissions([listed], [entry('admission.discharge', discharge)], context)[0]!.leaving).toBe(true)
    expect(overlayPendingAdmissions([listed], [entry('admission.discharge', discharge, { status: 'applied' })], context)[0]!.leaving).toBe(true)
    expect(overlayPendingAdmissions([listed], [entry('admission.discharge', discharge, { status: 'rejected' })], context)[0]!.leaving).toBeUndefined()
  })
})
