import express from 'express'
import { z } from 'zod/v4'
import { maskBankAccount } from '../../src/domain/identity/bankAccount.ts'
import { maskIdNumber } from '../../src/domain/identity/mask.ts'
import { claimCostsSchema, claimDecidePayloadSchema } from '../../src/domain/schemas/claim.ts'
import { agencyOf, insuredOf } from '../auth/caller.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Store } from '../store/index.ts'
import { claimedStayOf, slipCostsOf } from './claimedStay.ts'
import { auditClaim } from './handlers.ts'
import { paymentOf } from './paymentOf.ts'
import { type ClaimRow, decisionOf, formOf } from './repository.ts'

const idSchema = z.string().uuid('报销申请编号格式不正确')

const previewSchema = z.object({ costs: claimCostsSchema, ratioCutPoints: claimDecidePayloadSchema.shape.ratioCutPoints }, { error: '请按发票录入费用分类' })

/** A claim as its claimant sees it: the bank account masked, the state, and the payment once approved. */
function claimantView(row: ClaimRow) {
  const form = formOf(row)
  return {
    claimId: row.claim_id,
    status: row.status,
    kind: row.kind,
    patientName: form.name,
    hospitalName: form.hospitalName,
    visitDate: form.visitDate ?? null,
    admissionDate: form.admissionDate ?? null,
    dischargeDate: form.dischargeDate ?? null,
    paidFen: form.paidFen,
    bankName: form.bank.bankName,
    accountMasked: maskBankAccount(form.bank.accountNumber),
    deadline: row.deadline,
    submittedAt: row.submitted_at,
    decidedOn: row.decided_on,
    note: row.note,
    payment: decisionOf(row)?.outcome.payment ?? null,
  }
}

export type ClaimantClaimView = ReturnType<typeof claimantView>

/**
 * `GET /me/claims`: the claims the person made or that are theirs. `GET /agency/claims`: the
 * agency's queue, its own insured region only. `GET /agency/claims/:id`: one claim with its
 * materials and the full bank account; opening it starts its review and is audited.
 * `POST /agency/claims/:id/preview`: what the engine would pay for the invoice's parts. A claim
 * for a stay the server knows shows that stay's 外院检查治疗或购药单 and pays their recorded costs
 * with it (001 第三十三条).
 */
export function claimRoutes(store: Store, clock: () => Date): express.Router {
  const { db } = store
  const router = express.Router()

  router.get('/me/claims', async (_req, res) => {
    const caller = insuredOf(res)
    const rows = await db.selectFrom('claims').selectAll()
      .where(eb => eb.or([eb('id_number', '=', caller.idNumber), eb('submitted_by', '=', caller.idNumber)]))
      .orderBy('submitted_at', 'desc').limit(200).execute()
    res.json({ claims: rows.map(claimantView) })
  })

  router.get('/agency/claims', async (_req, res) => {
    const caller = agencyOf(res)
    const rows = await db.selectFrom('claims').selectAll().where('insured_region', '=', caller.regionCode).orderBy('submitted_at', 'desc').limit(500).execute()
    res.json({
      claims: rows.map((row) => {
        const form = formOf(row)
        return {
          claimId: row.claim_id,
          status: row.status,
          kind: row.kind,
          patientName: form.name,
          patientMasked: maskIdNumber(row.id_number),
          hospitalName: form.hospitalName,
          careEndedOn: row.care_ended_on,
          paidFen: form.paidFen,
          submittedAt: row.submitted_at,
        }
      }),
    })
  })

  router.get('/agency/claims/:id', async (req, res) => {
    const caller = agencyOf(res)
    const claimId = idSchema.parse(req.params.id)
    const row = await db.selectFrom('claims').selectAll().where('claim_id', '=', claimId).where('insured_region', '=', caller.regionCode).executeTakeFirst()
    if (!row)
      throw new HttpProblem(404, '未找到这份报销申请', { code: 'not_found' })
    const now = clock()
    if (row.status === 'submitted')
      await db.updateTable('claims').set({ status: 'reviewing' }).where('claim_id', '=', claimId).where('status', '=', 'submitted').execute()
    await auditClaim(db, caller, row, 'claim.open', 'opened', now, null)
    res.json({
      claim: {
        ...claimantView({ ...row, status: row.status === 'submitted' ? 'reviewing' : row.status }),
        patientMasked: maskIdNumber(row.id_number),
        insuredRegion: row.insured_region,
        insuranceType: row.insurance_type,
        form: formOf(row),
        decision: decisionOf(row),
        stay: await claimedStayOf(db, row),
      },
    })
  })

  // The engine's payment for the parts the desk typed, before anyone confirms: nothing is saved.
  router.post('/agency/claims/:id/preview', async (req, res) => {
    const caller = agencyOf(res)
    const claimId = idSchema.parse(req.params.id)
    const input = previewSchema.parse(req.body)
    const row = await db.selectFrom('claims').selectAll().where('claim_id', '=', claimId).where('insured_region', '=', caller.regionCode).executeTakeFirst()
    if (!row)
      throw new HttpProblem(404, '未找到这份报销申请', { code: 'not_found' })
    const outside = slipCostsOf(await claimedStayOf(db, row))
    res.json({ payment: (await paymentOf(db, row, input.costs, input.ratioCutPoints ?? 0, outside)).payment })
  })

  return router
}
