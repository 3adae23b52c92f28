import express from 'express'
import { z } from 'zod/v4'
import { maskIdNumber } from '../../src/domain/identity/mask.ts'
import { counterOf, insuredOf } from '../auth/caller.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Store } from '../store/index.ts'
import type { TraumaCommitmentsTable } from '../store/schema.ts'

const idSchema = z.string().uuid('承诺书编号格式不正确')

function commitmentOf(row: TraumaCommitmentsTable) {
  return {
    commitmentId: row.commitment_id,
    version: Number(row.version),
    hospitalCode: row.hospital_code,
    admissionId: row.admission_id,
    form: JSON.parse(row.form) as Record<string, unknown>,
    digest: row.digest,
    signedAt: row.signed_at,
    receivedAt: row.received_at,
    signature: `data:image/png;base64,${row.signature_png}`,
    strokes: JSON.parse(row.strokes) as unknown,
  }
}

/**
 * Signed trauma commitments: a counter lists and opens those of its own hospital (latest version
 * of each); an insured person sees those signed under their 身份证号码.
 */
export function traumaRoutes(store: Store): express.Router {
  const { db } = store
  const router = express.Router()

  router.get('/counter/trauma', async (_req, res) => {
    const caller = counterOf(res)
    const rows = await db.selectFrom('trauma_commitments').selectAll().where('hospital_code', '=', caller.hospitalCode).orderBy('received_at', 'desc').limit(500).execute()
    const latest = new Map<string, TraumaCommitmentsTable>()
    for (const row of rows) {
      if (!latest.has(row.commitment_id))
        latest.set(row.commitment_id, row)
    }
    res.set('Cache-Control', 'no-store')
    // A list shows who and when, masked; the full form is for opening one (and printing it).
    res.json({
      commitments: [...latest.values()].map((row) => {
        const form = JSON.parse(row.form) as { patient: { name: string }, injuredOn: string }
        return {
          commitmentId: row.commitment_id,
          version: Number(row.version),
          patientName: form.patient.name,
          patientMasked: maskIdNumber(row.patient_id_number),
          injuredOn: form.injuredOn,
          admissionId: row.admission_id,
          digest: row.digest,
          signedAt: row.signed_at,
          receivedAt: row.received_at,
        }
      }),
    })
  })

  router.get('/counter/trauma/:id', async (req, res) => {
    const caller = counterOf(res)
    const rows = await db.selectFrom('trauma_commitments').selectAll().where('commitment_id', '=', idSchema.parse(req.params.id)).orderBy('version').execute()
    if (rows.length === 0)
      throw new HttpProblem(404, '未找到这份承诺书', { code: 'not_found' })
    if (rows[0]!.hospital_code !== caller.hospitalCode)
      throw new HttpProblem(403, '只能查看本院签署的承诺书', { code: 'forbidden' })
    res.set('Cache-Control', 'no-store')
    res.json({ versions: rows.map(commitmentOf) })
  })

  router.get('/me/trauma', async (_req, res) => {
    const caller = insuredOf(res)
    const rows = await db.selectFrom('trauma_commitments').selectAll().where('patient_id_number', '=', caller.idNumber).orderBy('received_at', 'desc').execute()
    res.set('Cache-Control', 'no-store')
    res.json({ commitments: rows.map(commitmentOf) })
  })

  return router
}
