import type { Express } from 'express'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { claimPayment } from '../../../src/domain/claims/claimPayment.ts'
import { NO_ACCUMULATORS } from '../../../src/domain/money/settle.ts'
import { JILIN_POLICY } from '../../../src/domain/policy/regionalPolicies.ts'
import type { Store } from '../../../server/store/index.ts'
import { CHANGCHUN_AGENCY, JILIN_CITY_AGENCY, signInAgency } from '../support/agency.ts'
import { testApp } from '../support/app.ts'
import { captureLogger } from '../support/logs.ts'
import { enrol } from '../support/registry.ts'
import { action, type Person, person, signInInsured, sync } from '../support/session.ts'
import { describeEachStore } from '../support/stores.ts'

// The server's day is 2 December 2026: Jilin's deadline for care ended in 2025 is 2026-12-31.
const NOW = new Date('2026-12-02T04:00:00Z')

const jpeg = (n: number) => Buffer.from([0xFF, 0xD8, 0xFF, 0xE0, n, n + 1, n + 2, n + 3])

/** Uploads an invoice and a cost-detail photo as the phone does before sending the claim. */
async function photos(app: Express, token: string, n: number): Promise<{ invoicePhotos: string[], costDetailPhotos: string[] }> {
  const ids = [crypto.randomUUID(), crypto.randomUUID()]
  for (const [index, id] of ids.entries()) {
    const put = await request(app).put(`/api/attachments/${id}`).set('authorization', `Bearer ${token}`).set('content-type', 'image/jpeg').send(jpeg(n * 2 + index))
    expect(put.status).toBe(201)
  }
  return { invoicePhotos: [ids[0]!], costDetailPhotos: [ids[1]!] }
}

// Each claim is for a stay of its own (one claim per care): discharged a day later than the last.
let stays = 0

function stayClaim(patient: Person, uploaded: { invoicePhotos: string[], costDetailPhotos: string[] }, overrides: Record<string, unknown> = {}) {
  stays += 1
  return {
    claimId: crypto.randomUUID(),
    idNumber: patient.idNumber,
    name: patient.name,
    kind: 'inpatient',
    hospitalName: '昆明医科大学第一附属医院',
    hospitalLevel: 'tertiary',
    treatmentRegion: '530100',
    admissionDate: '2025-06-01',
    dischargeDate: `2025-06-${String(10 + stays).padStart(2, '0')}`,
    reason: 'network_fault',
    ...uploaded,
    bank: { accountName: patient.name, bankName: '中国工商银行吉林分行', accountNumber: '6222 0212 3456 7890 128' },
    paidFen: 1_250_000,
    submittedOn: '2026-12-01',
    ...overrides,
  }
}

const INVOICE = { coveredFen: 1_000_000, classBSelfPayFen: 150_000, overLimitSelfPayFen: 0, selfFundedFen: 100_000 }

describeEachStore('手工报销 claims', ({ openTestStore }) => {
  let store: Store
  let app: Express
  // Insured in 吉林市 (220200): the Jilin policy applies.
  const holder = person(1, '220202')
  const child = person(3, '220202')
  const stranger = person(2, '220202')
  beforeAll(async () => {
    store = await openTestStore()
    app = testApp({ store, logger: captureLogger().logger, devEchoCode: true, tokenSecret: 'a-test-secret-that-is-long-enough-for-tokens', clock: () => NOW })
    await enrol(store, holder, { family: [{ idNumber: child.idNumber, name: child.name, relationship: 'child' }] })
  })
  afterAll(() => store.close())

  describe('the deadline of the insured region (Jilin 第十五条)', () => {
    it('accepts a claim inside the deadline and names it; the person sees it submitted, the account masked', async () => {
      const token = await signInInsured(app, holder)
      const claim = stayClaim(holder, await photos(app, token, 1))
      const [result] = (await sync(app, token, [action('claim.submit', claim)])).body.results
      expect(result).toMatchObject({ status: 'applied', result: { claimId: claim.claimId, status: 'submitted', deadline: '2026-12-31' } })
      const mine = await request(app).get('/api/me/claims').set('authorization', `Bearer ${token}`)
      const shown = mine.body.claims.find((item: { claimId: string }) => item.claimId === claim.claimId)
      expect(shown).toMatchObject({ status: 'submitted', accountMasked: '**** **** **** 0128', paidFen: 1_250_000 })
      expect(JSON.stringify(mine.body)).not.toContain('6222021234567890128')
    })

    it('refuses a claim after the end of the year after discharge, by the server\'s clock', async () => {
      const token = await signInInsured(app, holder)
      const claim = stayClaim(holder, await photos(app, token, 2), { admissionDate: '2024-11-20', dischargeDate: '2024-11-30' })
      const [result] = (await sync(app, token, [action('claim.submit', claim)])).body.results
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'claim_deadline_passed', field: 'dischargeDate' } })
      expect(result.error.message).toContain('2025-12-31')
    })
  })

  describe('who may claim', () => {
    it('a stranger cannot claim for someone else', async () => {
      const token = await signInInsured(app, stranger)
      const claim = stayClaim(holder, await photos(app, token, 3))
      const [result] = (await sync(app, token, [action('claim.submit', claim)])).body.results
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'not_family_on_record' } })
    })

    it('a family member on the person\'s record may claim for them', async () => {
      const token = await signInInsured(app, child)
      const claim = stayClaim(holder, await photos(app, token, 4))
      const [result] = (await sync(app, token, [action('claim.submit', claim)])).body.results
      expect(result.status).toBe('applied')
    })

    it('a claim whose photos were never uploaded is refused', async () => {
      const token = await signInInsured(app, holder)
      const claim = stayClaim(holder, { invoicePhotos: [crypto.randomUUID()], costDetailPhotos: [crypto.randomUUID()] })
      const [result] = (await sync(app, token, [action('claim.submit', claim)])).body.results
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'attachment_missing' } })
    })
  })

  describe('the agency desk', () => {
    let claim: ReturnType<typeof stayClaim>
    let insuredToken: string
    let jilinToken: string
    let changchunToken: string
    beforeAll(async () => {
      insuredToken = await signInInsured(app, holder)
      claim = stayClaim(holder, await photos(app, insuredToken, 5))
      expect((await sync(app, insuredToken, [action('claim.submit', claim)])).body.results[0].status).toBe('applied')
      jilinToken = await signInAgency(app, store, JILIN_CITY_AGENCY)
      changchunToken = await signInAgency(app, store, CHANGCHUN_AGENCY)
    })

    it('an agency account sees its own region\'s claims only', async () => {
      const own = await request(app).get('/api/agency/claims').set('authorization', `Bearer ${jilinToken}`)
      expect(own.status).toBe(200)
      expect(own.body.claims.map((item: { claimId: string }) => item.claimId)).toContain(claim.claimId)
      const other = await request(app).get('/api/agency/claims').set('authorization', `Bearer ${changchunToken}`)
      expect(other.body.claims).toEqual([])
      expect((await request(app).get(`/api/agency/claims/${claim.claimId}`).set('authorization', `Bearer ${changchunToken}`)).status).toBe(404)
      expect((await request(app).get(`/api/attachments/${claim.invoicePhotos[0]}`).set('authorization', `Bearer ${changchunToken}`)).status).toBe(403)
      const decided = (await sync(app, changchunToken, [action('claim.decide', { claimId: claim.claimId, decision: 'rejected', note: '不属本区' })])).body.results[0]
      expect(decided).toMatchObject({ status: 'rejected', error: { code: 'not_found' } })
      expect((await request(app).get('/api/agency/claims').set('authorization', `Bearer ${insuredToken}`)).status).toBe(403)
    })

    it('opening a claim shows its materials and the full account, and puts it under review for the person', async () => {
      const opened = await request(app).get(`/api/agency/claims/${claim.claimId}`).set('authorization', `Bearer ${jilinToken}`)
      expect(opened.status).toBe(200)
      expect(opened.body.claim).toMatchObject({ status: 'reviewing', insuranceType: 'employee', form: { bank: { accountNumber: '6222021234567890128' } } })
      const photo = await request(app).get(`/api/attachments/${claim.invoicePhotos[0]}`).set('authorization', `Bearer ${jilinToken}`)
      expect(photo.status).toBe(200)
      expect(photo.type).toBe('image/jpeg')
      const mine = await request(app).get('/api/me/claims').set('authorization', `Bearer ${insuredToken}`)
      expect(mine.body.claims.find((item: { claimId: string }) => item.claimId === claim.claimId).status).toBe('reviewing')
    })

    it('an approval pays what the engine computes, the figure the desk previewed, and a retried approval never pays twice', async () => {
      const preview = await request(app).post(`/api/agency/claims/${claim.claimId}/preview`).set('authorization', `Bearer ${jilinToken}`).send({ costs: INVOICE })
      expect(preview.status).toBe(200)
      const elsewhere = await request(app).post(`/api/agency/claims/${claim.claimId}/preview`).set('authorization', `Bearer ${changchunToken}`).send({ costs: INVOICE })
      expect(elsewhere.status).toBe(404)
      const approval = action('claim.decide', { claimId: claim.claimId, decision: 'approved', costs: INVOICE })
      const first = (await sync(app, jilinToken, [approval])).body.results[0]
      const expected = claimPayment(claim as Parameters<typeof claimPayment>[0], INVOICE, JILIN_POLICY, 'employee', () => NO_ACCUMULATORS).payment
      expect(first).toMatchObject({ status: 'applied', result: { status: 'approved', payment: expected } })
      expect(expected.fundPaidFen).toBeGreaterThan(0)
      expect(preview.body.payment).toEqual(expected)

      const retried = (await sync(app, jilinToken, [approval])).body.results[0]
      expect(retried).toMatchObject({ status: 'duplicate', result: first.result })
      const again = (await sync(app, jilinToken, [action('claim.decide', { claimId: claim.claimId, decision: 'approved', costs: INVOICE })])).body.results[0]
      expect(again).toMatchObject({ status: 'rejected', error: { code: 'already_decided' } })

      const mine = await request(app).get('/api/me/claims').set('authorization', `Bearer ${insuredToken}`)
      expect(mine.body.claims.find((item: { claimId: string }) => item.claimId === claim.claimId)).toMatchObject({ status: 'approved', payment: expected })
      const audited = await store.db.selectFrom('audit_log').select(['method', 'outcome']).where('staff_username', '=', JILIN_CITY_AGENCY.username).where('method', '=', 'claim.decide').execute()
      expect(audited).toEqual([{ method: 'claim.decide', outcome: 'approved' }])
    })

    it('a rejection says why, and the person reads the reason', async () => {
      const other = stayClaim(holder, await photos(app, insuredToken, 6))
      await sync(app, insuredToken, [action('claim.submit', other)])
      const refused = (await sync(app, jilinToken, [action('claim.decide', { claimId: other.claimId, decision: 'rejected', note: '发票与费用明细不符' })])).body.results[0]
      expect(refused).toMatchObject({ status: 'applied', result: { status: 'rejected' } })
      const mine = await request(app).get('/api/me/claims').set('authorization', `Bearer ${insuredToken}`)
      expect(mine.body.claims.find((item: { claimId: string }) => item.claimId === other.claimId)).toMatchObject({ status: 'rejected', note: '发票与费用明细不符', payment: null })

      // After a rejection the same stay may be claimed again, with better materials.
      const again = { ...other, claimId: crypto.randomUUID(), ...await photos(app, insuredToken, 7) }
      expect((await sync(app, insuredToken, [action('claim.submit', again)])).body.results[0].status).toBe('applied')
    })

    it('a stay with a claim under review or approved cannot be claimed a second time', async () => {
      const twice = { ...claim, claimId: crypto.randomUUID(), ...await photos(app, insuredToken, 8) }
      const [result] = (await sync(app, insuredToken, [action('claim.submit', twice)])).body.results
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'claim_duplicate' } })
    })

    it('insured people cannot decide claims, agency staff cannot submit them', async () => {
      const decided = (await sync(app, insuredToken, [action('claim.decide', { claimId: claim.claimId, decision: 'rejected', note: 'x' })])).body.results[0]
      expect(decided).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } })
      const submitted = (await sync(app, jilinToken, [action('claim.submit', stayClaim(holder, { invoicePhotos: [crypto.randomUUID()], costDetailPhotos: [crypto.randomUUID()] }))])).body.results[0]
      expect(submitted).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } })
    })
  })
})
