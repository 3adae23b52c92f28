import { describe, expect, it } from 'vitest'
import { ACTION_TYPES, type ActionType, COUNTER_ACTION_TYPES, isActionType, senderRoleOf } from '../../../../src/domain/schemas/actions'
import { parseActionPayload } from '../../../../src/domain/schemas/parseAction'
import { MAX_SYNC_ACTIONS, syncActionEnvelopeSchema, syncRequestSchema, syncResponseSchema } from '../../../../src/domain/schemas/sync'
import { filingCreate, PERSON_ID, traumaSign, UUID } from './fixtures'

/** One payload per action type of DESIGN §4, as a device would send it. */
const CONTRACT: Record<ActionType, Record<string, unknown>> = {
  'filing.create': filingCreate(),
  'filing.change': { filingId: UUID(1), changes: { phone: '13900139000' }, filledOn: '2026-03-01' },
  'filing.cancel': { filingId: UUID(1), requestedOn: '2026-03-01' },
  'filing.supplement': { filingId: UUID(1), materials: [{ kind: 'residence' }], suppliedOn: '2026-03-01' },
  'trauma.sign': traumaSign(),
  'admission.record': { admissionId: UUID(3), idNumber: PERSON_ID, name: '王建国', admissionDate: '2026-03-01', admissionType: 'normal', traumaFlag: false, thirdPartyFlag: false, outcome: 'none' },
  'admission.discharge': { admissionId: UUID(3), dischargedOn: '2026-03-10' },
  'counter.verify.logged': { verificationId: UUID(4), idNumber: PERSON_ID, name: '王*', admissionDate: '2026-03-01', admissionType: 'normal', hospitalCity: '530100', method: 'credential_offline', outcome: 'valid', filingNumber: 'BA1', verifiedAt: '2026-03-01T08:00:00Z' },
  'settlement.record': { settlementId: UUID(5), idNumber: PERSON_ID, kind: 'outpatient', hospitalLevel: 'secondary', settledOn: '2026-03-01', items: [{ id: 'a', coveredFen: 100, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 }] },
  'refund.request': { refundId: UUID(6), settlementId: UUID(5), reason: '重复收费', requestedOn: '2026-03-02' },
  'refund.process': { refundId: UUID(6), decision: 'approved', processedOn: '2026-03-02' },
  'outsideSlip.issue': { slipId: UUID(10), admissionId: UUID(3), kind: 'examination', department: '心内科', diagnosis: '冠状动脉粥样硬化性心脏病', outsideName: '昆明市第一人民医院', items: '冠状动脉CT血管成像', reason: '本院设备检修', issuedOn: '2026-03-01' },
  'outsideSlip.recordCosts': { slipId: UUID(10), items: [{ id: 'cta', coveredFen: 80_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 }], recordedOn: '2026-03-02' },
  'claim.submit': { claimId: UUID(7), idNumber: PERSON_ID, name: '王建国', kind: 'inpatient', hospitalName: '昆明医科大学第一附属医院', hospitalLevel: 'tertiary', treatmentRegion: '530100', admissionDate: '2026-02-20', dischargeDate: '2026-03-01', reason: 'network_fault', invoicePhotos: [UUID(8)], costDetailPhotos: [UUID(9)], bank: { accountName: '王建国', bankName: '中国工商银行长春分行', accountNumber: '6222 0212 3456 7890 128' }, paidFen: 1_250_000, submittedOn: '2026-03-02' },
  'claim.decide': { claimId: UUID(7), decision: 'rejected', note: '发票与费用明细不符' },
}

describe('action types (DESIGN §4)', () => {
  it('are exactly the types of the contract', () => {
    expect(ACTION_TYPES.toSorted()).toEqual(Object.keys(CONTRACT).toSorted())
  })

  it.each(Object.entries(CONTRACT))('%s: its schema accepts the contract\'s payload and refuses an empty one', (type, payload) => {
    expect(isActionType(type)).toBe(true)
    const parsed = parseActionPayload(type as ActionType, payload)
    expect(parsed.ok ? [] : [parsed.error]).toEqual([])
    expect(parseActionPayload(type as ActionType, {}).ok).toBe(false)
  })

  it('knows who sends each type: agency staff decide claims, insured people submit them', () => {
    expect(senderRoleOf('claim.decide')).toBe('agency')
    expect(senderRoleOf('claim.submit')).toBe('insured')
    expect(senderRoleOf('refund.process')).toBe('counter')
  })

  it('knows which types come from counter staff', () => {
    expect(COUNTER_ACTION_TYPES).toContain('refund.process')
    expect(COUNTER_ACTION_TYPES).not.toContain('refund.request')
    expect(COUNTER_ACTION_TYPES.every(isActionType)).toBe(true)
    expect(isActionType('filing.delete')).toBe(false)
    expect(isActionType('toString')).toBe(false)
  })
})

describe('parseActionPayload', () => {
  it('returns the parsed payload', () => {
    const parsed = parseActionPayload('trauma.sign', traumaSign())
    expect(parsed.ok && parsed.payload.commitmentId).toBe(UUID(2))
  })

  it('reports an ID problem as invalid_id_number with its field', () => {
    expect(parseActionPayload('filing.create', filingCreate({ idNumber: `${PERSON_ID.slice(0, 17)}Y` }))).toEqual({
      ok: false,
      error: { code: 'invalid_id_number', message: '身份证号码前17位应为数字，最后一位为数字或X', field: 'idNumber' },
    })
  })

  it('reports other problems as invalid_payload, with no field for a whole-payload problem', () => {
    expect(parseActionPayload('filing.cancel', { filingId: UUID(1) })).toMatchObject({ ok: false, error: { code: 'invalid_payload', field: 'requestedOn' } })
    const notAnObject = parseActionPayload('refund.request', 'x')
    expect(notAnObject.ok).toBe(false)
    if (!notAnObject.ok)
      expect(notAnObject.error.field).toBeUndefined()
  })
})

describe('sync envelope and request', () => {
  const envelope = { id: UUID(10), type: 'filing.create', payload: filingCreate(), createdAt: '2026-02-27T01:02:03.456Z' }

  it('accepts an envelope with dependencies and leaves the payload to its own schema', () => {
    expect(syncActionEnvelopeSchema.safeParse({ ...envelope, dependsOn: [UUID(9)], payload: { anything: 1 } }).success).toBe(true)
  })

  it('refuses an unknown type, a non-uuid id and a time without zone', () => {
    const result = syncActionEnvelopeSchema.safeParse({ ...envelope, id: '1', type: 'filing.delete', createdAt: '2026-02-27' })
    expect(result.error?.issues.map(i => i.path.join('.'))).toEqual(['id', 'type', 'createdAt'])
    expect(result.error?.issues[1]?.message).toBe('未知的操作类型')
  })

  it(`accepts up to ${MAX_SYNC_ACTIONS} actions and refuses more`, () => {
    const actions = Array.from({ length: MAX_SYNC_ACTIONS }, () => envelope)
    expect(syncRequestSchema.safeParse({ deviceId: 'd1', actions }).success).toBe(true)
    const tooMany = syncRequestSchema.safeParse({ deviceId: 'd1', actions: [...actions, envelope] })
    expect(tooMany.error?.issues[0]?.message).toBe('一次最多同步500条操作')
    expect(syncRequestSchema.safeParse({ deviceId: ' ', actions: [] }).error?.issues[0]?.message).toBe('缺少设备编号')
  })

  it('describes the reply', () => {
    const reply = { results: [{ id: UUID(10), status: 'rejected', error: { code: 'promise_lapsed', message: '…', field: 'promise' } }], serverTime: '2026-02-27T01:02:04Z' }
    expect(syncResponseSchema.safeParse(reply).success).toBe(true)
    expect(syncResponseSchema.safeParse({ ...reply, results: [{ id: UUID(10), status: 'lost' }] }).success).toBe(false)
  })
})
