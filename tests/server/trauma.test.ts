import { createHash } from 'node:crypto'
import request from 'supertest'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { createApp } from '../../server/app.ts'
import { testApp } from './support/app.ts'
import type { Store } from '../../server/store/index.ts'
import { traumaSignPayloadSchema } from '../../src/domain/schemas/trauma.ts'
import { signaturePngBase64, traumaDigestInput } from '../../src/domain/trauma/digest.ts'
import { captureLogger } from './support/logs.ts'
import { action, person, signInCounter, signInInsured, sync } from './support/session.ts'
import { describeEachStore } from './support/stores.ts'

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg=='
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const patient = person(81)

/** A commitment as the tablet seals it: validated, then its digest computed over what was validated. */
function sealed(overrides: Record<string, unknown> = {}) {
  const payload = traumaSignPayloadSchema.parse({
    commitmentId: crypto.randomUUID(),
    patient: { name: patient.name, phone: patient.phone, idType: 'resident_id', idNumber: patient.idNumber },
    injuredOn: '2026-11-20',
    injuredHour: 9,
    place: '昆明市五华区家中',
    account: '在家中浴室滑倒，右手腕着地受伤',
    commitmentsAccepted: true,
    textVersion: 'default-2026-1',
    signer: 'patient',
    signature: SIGNATURE,
    signedOn: '2026-11-21',
    strokes: [[{ x: 1, y: 2, t: 0 }, { x: 80, y: 30, t: 120 }]],
    ...overrides,
  })
  return { ...payload, digest: sha256(traumaDigestInput(payload, sha256(Buffer.from(signaturePngBase64(payload.signature), 'base64')))) }
}

describeEachStore('trauma commitments', ({ openTestStore }) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  let counter: string
  let otherHospital: string
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens' })
    counter = await signInCounter(app, store, { username: 'km1', hospitalCode: 'H1', hospitalName: '昆明甲医院', cityCode: '530100' })
    otherHospital = await signInCounter(app, store, { username: 'km2', hospitalCode: 'H2', hospitalName: '昆明乙医院', cityCode: '530100' })
  })
  afterAll(() => store.close())

  it('stores a commitment whose digest the server recomputes, and sets 外伤标志 = 是, 涉及第三方标志 = 否 on its admission (Jilin 第二十七条)', async () => {
    const admissionId = crypto.randomUUID()
    const admitted = await sync(app, counter, [action('admission.record', { admissionId, idNumber: patient.idNumber, name: patient.name, admissionDate: '2026-11-21', admissionType: 'emergency', traumaFlag: false, thirdPartyFlag: false, outcome: 'deemed' })])
    expect(admitted.body.results[0].status).toBe('applied')
    const commitment = sealed({ admissionId })
    const signed = action('trauma.sign', commitment)
    const response = await sync(app, counter, [signed])
    expect(response.body.results[0]).toMatchObject({ status: 'applied', result: { commitmentId: commitment.commitmentId, version: 1, digest: commitment.digest } })

    const admission = await store.db.selectFrom('admissions').selectAll().where('admission_id', '=', admissionId).executeTakeFirstOrThrow()
    expect([Number(admission.trauma_flag), Number(admission.third_party_flag), admission.trauma_commitment_id]).toEqual([1, 0, commitment.commitmentId])
    // The same action again changes nothing.
    expect((await sync(app, counter, [signed])).body.results[0].status).toBe('duplicate')
    expect(await store.db.selectFrom('trauma_commitments').select('version').where('commitment_id', '=', commitment.commitmentId).execute()).toHaveLength(1)
  })

  it('refuses a commitment changed after it was sealed (digest_mismatch)', async () => {
    const commitment = sealed()
    const response = await sync(app, counter, [action('trauma.sign', { ...commitment, place: '别处' })])
    expect(response.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'digest_mismatch' } })
    const strokes = await sync(app, counter, [action('trauma.sign', { ...commitment, strokes: [[{ x: 1, y: 2, t: 0 }]] })])
    expect(strokes.body.results[0].error.code).toBe('digest_mismatch')
  })

  it('a commitment signed again is a new version; the original stays', async () => {
    const first = sealed()
    await sync(app, counter, [action('trauma.sign', first)])
    await sync(app, counter, [action('trauma.sign', sealed({ commitmentId: first.commitmentId, account: '在家中浴室滑倒，右手腕和膝盖着地受伤' }))])
    const opened = await request(app).get(`/api/counter/trauma/${first.commitmentId}`).set('authorization', `Bearer ${counter}`)
    expect(opened.body.versions.map((version: { version: number, form: { account: string } }) => [version.version, version.form.account]))
      .toEqual([[1, '在家中浴室滑倒，右手腕着地受伤'], [2, '在家中浴室滑倒，右手腕和膝盖着地受伤']])
  })

  it('another hospital\'s counter cannot open it (403) nor see it listed', async () => {
    const commitment = sealed()
    await sync(app, counter, [action('trauma.sign', commitment)])
    expect((await request(app).get(`/api/counter/trauma/${commitment.commitmentId}`).set('authorization', `Bearer ${otherHospital}`)).status).toBe(403)
    const theirs = await request(app).get('/api/counter/trauma').set('authorization', `Bearer ${otherHospital}`)
    expect(theirs.body.commitments).toEqual([])
    const ours = await request(app).get('/api/counter/trauma').set('authorization', `Bearer ${counter}`)
    expect(ours.body.commitments.length).toBeGreaterThan(0)
    expect(JSON.stringify(ours.body)).not.toContain(patient.idNumber.slice(6, 14))
  })

  it('the insured person sees the commitments signed under their 身份证号码, nobody else\'s', async () => {
    await sync(app, counter, [action('trauma.sign', sealed())])
    const own = await request(app).get('/api/me/trauma').set('authorization', `Bearer ${await signInInsured(app, patient)}`)
    expect(own.body.commitments.length).toBeGreaterThan(0)
    expect(own.body.commitments.every((item: { form: { patient: { idNumber: string } } }) => item.form.patient.idNumber === patient.idNumber)).toBe(true)
    const stranger = await request(app).get('/api/me/trauma').set('authorization', `Bearer ${await signInInsured(app, person(82))}`)
    expect(stranger.body.commitments).toEqual([])
  })

  it('Jilin 第二十七条: an admission links only a commitment its own hospital took from that patient', async () => {
    const commitment = sealed()
    expect((await sync(app, counter, [action('trauma.sign', commitment)])).body.results[0].status).toBe('applied')
    const admission = (who = patient) => ({ admissionId: crypto.randomUUID(), idNumber: who.idNumber, name: who.name, admissionDate: '2026-11-21', admissionType: 'emergency', traumaFlag: true, thirdPartyFlag: false, traumaCommitmentId: commitment.commitmentId, outcome: 'deemed' })

    const elsewhere = await sync(app, otherHospital, [action('admission.record', admission())])
    expect(elsewhere.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'trauma_commitment_not_found', field: 'traumaCommitmentId' } })
    const unknown = await sync(app, counter, [action('admission.record', { ...admission(), traumaCommitmentId: crypto.randomUUID() })])
    expect(unknown.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'trauma_commitment_not_found' } })
    const otherPatient = await sync(app, counter, [action('admission.record', admission(person(83)))])
    expect(otherPatient.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'trauma_commitment_other_patient' } })
    expect((await sync(app, counter, [action('admission.record', admission())])).body.results[0].status).toBe('applied')
  })

  it('an admission from a QR, which holds only the masked 姓名, keeps the name on the filing of that 身份证号码 (issue 17: no name typing at the counter)', async () => {
    const holder = person(84)
    const now = new Date().toISOString()
    await store.db.insertInto('filings').values({
      filing_id: crypto.randomUUID(), filing_number: 'YD530000-20261121-0084', holder_id_number: holder.idNumber, holder_name: holder.name,
      agent_id_number: null, agent: null, version: 1, record: '{}', form: '{}', credential: null, created_at: now, updated_at: now,
    }).execute()
    const admit = async (who: typeof holder) => {
      const admissionId = crypto.randomUUID()
      const masked = `${who.name.slice(0, 1)}*`
      const response = await sync(app, counter, [action('admission.record', { admissionId, idNumber: who.idNumber, name: masked, admissionDate: '2026-11-21', admissionType: 'normal', traumaFlag: false, thirdPartyFlag: false, outcome: 'valid', filingNumber: 'YD530000-20261121-0084' })])
      expect(response.body.results[0].status).toBe('applied')
      return (await store.db.selectFrom('admissions').select('name').where('admission_id', '=', admissionId).executeTakeFirstOrThrow()).name
    }
    expect(await admit(holder)).toBe(holder.name)
    // Another person's number with that 备案编号 learns nothing of the holder's name.
    const other = person(85)
    expect(await admit(other)).toBe(`${other.name.slice(0, 1)}*`)
  })

  it('is signed at a counter only', async () => {
    const insured = await signInInsured(app, patient)
    expect((await sync(app, insured, [action('trauma.sign', sealed())])).body.results[0].error.code).toBe('forbidden')
  })
})
