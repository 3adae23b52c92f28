import express from 'express'
import { z } from 'zod/v4'
import { counterOf, insuredOf } from '../auth/caller.ts'
import { isFamilyOnRecord } from '../registry/insuranceRelationship.ts'
import { recordsOf } from '../registry/repository.ts'
import type { Store } from '../store/index.ts'
import type { FilingHistoryEntry } from '../../src/domain/schemas/filing.ts'
import { filingsFiledBy, filingsOfHolder, historiesOf, type StoredFiling } from './repository.ts'
import { idTagProvince } from '../../src/domain/credential/idTag.ts'
import { idTagSecret, provinceIdTagKey } from './idTagKeys.ts'
import { publicKeys } from './signingKeys.ts'

/** One filing as `GET /api/me/filings` lists it; the 身份证号码 of an agent is not shown. */
function listItem(stored: StoredFiling, history: FilingHistoryEntry[] = []) {
  return {
    history,
    filing: stored.filing,
    version: stored.version,
    holder: stored.holder,
    form: stored.form,
    ...(stored.agent ? { agent: { name: stored.agent.name, relationship: stored.agent.relationship } } : {}),
    ...(stored.credential ? { credential: stored.credential } : {}),
  }
}

/**
 * Filings someone made for relatives, kept only where they are still a family member on the
 * holder's record (Hebei 第九条): one taken off the record no longer sees the filing or its QR.
 */
async function stillFamily(store: Store, filings: StoredFiling[], agentIdNumber: string): Promise<StoredFiling[]> {
  const holders = [...new Set(filings.map(item => item.holder.idNumber))]
  const allowed = new Set<string>()
  for (const holder of holders) {
    if (isFamilyOnRecord(await recordsOf(store.db, holder), agentIdNumber))
      allowed.add(holder)
  }
  return filings.filter(item => allowed.has(item.holder.idNumber))
}

const sinceSchema = z.object({ since: z.coerce.number({ error: 'since 应为数字' }).int().min(0).default(0) })

/**
 * `GET /me/filings` (insured), `GET /keys` (anyone), `GET /revocations?since=` and
 * `GET /counter/credential-keys` (counter).
 */
export function filingRoutes(store: Store): express.Router {
  const router = express.Router()

  router.get('/me/filings', async (_req, res) => {
    const caller = insuredOf(res)
    const [own, filedForOthers] = await Promise.all([filingsOfHolder(store.db, caller.idNumber), filingsFiledBy(store.db, caller.idNumber)])
    const family = await stillFamily(store, filedForOthers, caller.idNumber)
    // The holder sees who acted on their own filings (DOMAIN §13).
    const histories = await historiesOf(store.db, own.map(stored => stored.filing.filingId))
    res.set('Cache-Control', 'no-store')
    res.json({ own: own.map(stored => listItem(stored, histories.get(stored.filing.filingId))), family: family.map(stored => listItem(stored)) })
  })

  router.get('/keys', async (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300')
    res.json({ keys: await publicKeys(store.db) })
  })

  // The ID-tag key of the counter's own province only: a leaked tablet exposes one province, and
  // a person's phone, never signed in as staff, cannot test a guessed 身份证号码 (idTag.ts).
  router.get('/counter/credential-keys', async (_req, res) => {
    const caller = counterOf(res)
    const province = idTagProvince(caller.cityCode)
    res.set('Cache-Control', 'no-store')
    res.json({ keys: [{ province, key: provinceIdTagKey(await idTagSecret(store.db), province).toString('base64url') }] })
  })

  router.get('/revocations', async (req, res) => {
    counterOf(res)
    const { since } = sinceSchema.parse(req.query)
    const rows = await store.db.selectFrom('revocations').selectAll().where('seq', '>', since).orderBy('seq').limit(5000).execute()
    res.set('Cache-Control', 'no-store')
    res.json({
      revoked: rows.map(row => ({ filingNumber: row.filing_number, version: Number(row.version), revokedAt: row.revoked_at, reason: row.reason })),
      cursor: rows.length > 0 ? Number(rows.at(-1)!.seq) : since,
    })
  })

  return router
}
