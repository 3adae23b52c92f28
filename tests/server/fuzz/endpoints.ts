import { createHash } from 'node:crypto'
import { traumaSignPayloadSchema } from '../../../src/domain/schemas/trauma.ts'
import { signaturePngBase64, traumaDigestInput } from '../../../src/domain/trauma/digest.ts'
import { filingCreatePayload, SIGNATURE } from '../support/filingPayload.ts'
import type { Person } from '../support/session.ts'

/** What the valid bodies refer to: the people signed in and records made before the fuzz. */
export interface FuzzContext {
  insured: Person
  counterUsername: string
  today: string
  filingId: string
  settlementId: string
  refundId: string
  commitmentId: string
  attachmentId: string
  slipId: string
}

/** One endpoint of the API and a valid body for it, which the fuzz then breaks. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT'
  /** `:id` is replaced by a valid or hostile path segment. */
  path: string
  body: 'json' | 'ndjson' | 'bytes' | 'none'
  valid?: (context: FuzzContext) => unknown
  /** The query string takes hostile values too. */
  query?: string
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const envelope = (type: string, payload: unknown) => ({ id: crypto.randomUUID(), type, payload, createdAt: new Date().toISOString() })

function sealedTrauma(context: FuzzContext) {
  const payload = traumaSignPayloadSchema.parse({
    commitmentId: context.commitmentId,
    patient: { name: context.insured.name, phone: context.insured.phone, idType: 'resident_id', idNumber: context.insured.idNumber },
    injuredOn: context.today,
    injuredHour: 9,
    place: '昆明市五华区家中',
    account: '在家中浴室滑倒，右手腕着地受伤',
    commitmentsAccepted: true,
    textVersion: 'default-2026-1',
    signer: 'patient',
    signature: SIGNATURE,
    signedOn: context.today,
    strokes: [[{ x: 1, y: 2, t: 0 }, { x: 80, y: 30, t: 120 }]],
  })
  return { ...payload, digest: sha256(traumaDigestInput(payload, sha256(Buffer.from(signaturePngBase64(payload.signature), 'base64')))) }
}

/** A settlement.record payload as the counter or the import sends it. */
export function settlementPayload(context: FuzzContext, settlementId: string = crypto.randomUUID()) {
  return {
    settlementId,
    idNumber: context.insured.idNumber,
    kind: 'outpatient',
    hospitalLevel: 'secondary',
    insuredRegion: '530100',
    insuranceType: 'employee',
    items: [{ id: 'a', coveredFen: 10_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 500 }],
    settledOn: context.today,
  }
}

/** A batch with one valid action of every type, for the caller who may send it. */
function syncBatch(context: FuzzContext) {
  const { insured, today, filingId } = context
  return {
    deviceId: 'fuzz-device',
    actions: [
      envelope('filing.create', filingCreatePayload(insured, '530100', today)),
      envelope('filing.change', { filingId, changes: { address: '广东省广州市越秀区中山一路1号' }, filledOn: today }),
      envelope('filing.supplement', { filingId, materials: [{ kind: 'residence', description: '居住证', fileRef: context.attachmentId }], suppliedOn: today }),
      envelope('filing.cancel', { filingId, reason: '不再需要', requestedOn: today }),
      envelope('refund.request', { refundId: crypto.randomUUID(), settlementId: context.settlementId, reason: '药品未取', requestedOn: today }),
      envelope('trauma.sign', sealedTrauma(context)),
      envelope('admission.record', { admissionId: crypto.randomUUID(), idNumber: insured.idNumber, name: insured.name, admissionDate: today, admissionType: 'emergency', traumaFlag: true, thirdPartyFlag: true, outcome: 'none' }),
      envelope('admission.discharge', { admissionId: crypto.randomUUID(), dischargedOn: today }),
      envelope('counter.verify.logged', { verificationId: crypto.randomUUID(), idNumber: insured.idNumber, name: insured.name, admissionDate: today, admissionType: 'normal', hospitalCity: '530100', method: 'credential_offline', outcome: 'none', verifiedAt: new Date().toISOString() }),
      envelope('settlement.record', settlementPayload(context)),
      envelope('refund.process', { refundId: context.refundId, decision: 'rejected', processedOn: today, note: '材料不全' }),
      envelope('outsideSlip.issue', { slipId: context.slipId, admissionId: crypto.randomUUID(), kind: 'pharmacy', department: '肿瘤科', diagnosis: '乳腺恶性肿瘤', outsideName: '广州大参林药店', items: '注射用曲妥珠单抗', reason: '本院无此药', issuedOn: today }),
      envelope('outsideSlip.recordCosts', { slipId: context.slipId, items: [{ id: 'a', coveredFen: 10_000, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 }], recordedOn: today }),
    ],
  }
}

/** Every endpoint `createApp` mounts (server/app.ts and the route files), each with a valid body. */
export const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/api/health', body: 'none' },
  { method: 'POST', path: '/api/auth/insured/start', body: 'json', valid: ({ insured }) => insured },
  { method: 'POST', path: '/api/auth/insured/verify', body: 'json', valid: () => ({ challengeId: crypto.randomUUID(), code: '123456' }) },
  { method: 'POST', path: '/api/auth/staff/login', body: 'json', valid: ({ counterUsername }) => ({ username: counterUsername, password: 'not-the-password-1A' }) },
  { method: 'POST', path: '/api/auth/staff/password', body: 'json', valid: () => ({ currentPassword: 'not-the-password-1A', newPassword: 'Another-password-2B' }) },
  { method: 'POST', path: '/api/sync', body: 'json', valid: syncBatch },
  { method: 'PUT', path: '/api/attachments/:id', body: 'bytes' },
  { method: 'GET', path: '/api/attachments/:id', body: 'none' },
  { method: 'POST', path: '/api/counter/verify', body: 'json', valid: ({ insured, today }) => ({ idNumber: insured.idNumber, name: insured.name, admissionDate: today, admissionType: 'normal' }) },
  { method: 'GET', path: '/api/counter/audit', body: 'none' },
  { method: 'POST', path: '/api/counter/audit/search', body: 'json', valid: ({ insured, today }) => ({ from: today, to: today, q: insured.idNumber }) },
  { method: 'GET', path: '/api/me/filings', body: 'none' },
  { method: 'GET', path: '/api/keys', body: 'none' },
  { method: 'GET', path: '/api/counter/credential-keys', body: 'none' },
  { method: 'GET', path: '/api/revocations', body: 'none', query: 'since' },
  { method: 'GET', path: '/api/counter/trauma', body: 'none' },
  { method: 'GET', path: '/api/counter/trauma/:id', body: 'none' },
  { method: 'GET', path: '/api/me/trauma', body: 'none' },
  { method: 'POST', path: '/api/counter/settlements/import', body: 'ndjson', valid: context => [settlementPayload(context), settlementPayload(context)] },
  { method: 'GET', path: '/api/me/settlements', body: 'none' },
  { method: 'GET', path: '/api/counter/refunds', body: 'none' },
  { method: 'GET', path: '/api/counter/stays', body: 'none' },
  { method: 'GET', path: '/api/counter/slips/:id', body: 'none' },
  { method: 'GET', path: '/api/counter/settlements/:id', body: 'none' },
  { method: 'GET', path: '/api/me/insurance', body: 'none' },
  { method: 'GET', path: '/api/me/reminders', body: 'none' },
  { method: 'GET', path: '/api/me/deadlines', body: 'none' },
  { method: 'PUT', path: '/api/me/reminders', body: 'json', valid: () => ({ sms: false }) },
  { method: 'GET', path: '/api/hospitals', body: 'none', query: 'city' },
  { method: 'GET', path: '/api/me/claims', body: 'none' },
  { method: 'GET', path: '/api/agency/claims', body: 'none' },
  { method: 'GET', path: '/api/agency/claims/:id', body: 'none' },
  { method: 'POST', path: '/api/agency/claims/:id/preview', body: 'json', valid: () => ({ costs: { coveredFen: 100, classBSelfPayFen: 0, overLimitSelfPayFen: 0, selfFundedFen: 0 } }) },
  { method: 'POST', path: '/api/me/agency-consent/start', body: 'json', valid: ({ insured }) => ({ idNumber: insured.idNumber, name: insured.name }) },
  { method: 'POST', path: '/api/me/agency-consent/verify', body: 'json', valid: () => ({ challengeId: crypto.randomUUID(), code: '123456' }) },
  { method: 'POST', path: '/api/no/such/endpoint', body: 'json', valid: () => ({ a: 1 }) },
]
