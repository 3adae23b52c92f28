import { createHash } from 'node:crypto'
import express from 'express'
import { z } from 'zod/v4'
import { type Caller, callerKey, callerOf } from '../auth/caller.ts'
import { materialOfAgencysClaim } from '../claims/claimMaterialAccess.ts'
import { HttpProblem } from '../http/problem.ts'
import type { Store } from '../store/index.ts'
import { checkAttachmentQuota } from './attachmentQuota.ts'
import { refuseBeforeReading } from './refuseBeforeReading.ts'
import { filingsOfHolder } from './repository.ts'

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024

/** What the bytes really are, from their first bytes: a declared type is never trusted alone. */
function sniff(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xFF, 0xD8, 0xFF])))
    return 'image/jpeg'
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])))
    return 'image/png'
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp'
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-')
    return 'application/pdf'
  return undefined
}

const tooLarge = () => new HttpProblem(413, '附件不能超过 5 MB，请压缩后重新上传', { code: 'attachment_too_large' })

const idSchema = z.string().uuid('附件编号格式不正确')

/** True when one of the caller's own filings refers to the attachment (a relative uploaded it, 代办). */
async function materialOfCallersFiling(store: Store, caller: Caller, id: string): Promise<boolean> {
  if (caller.role !== 'insured')
    return false
  const filings = await filingsOfHolder(store.db, caller.idNumber)
  return filings.some(stored => ((stored.form.materials as { fileRef?: string }[] | undefined) ?? []).some(material => material.fileRef === id))
}

/**
 * `PUT /attachments/:id` stores a photo or PDF of filing materials before the action that refers
 * to it; sending the same bytes again is harmless. `GET` returns it to whoever uploaded it, to
 * the holder of the filing it belongs to, and to the agency reviewing the claim it belongs to.
 */
export function attachmentRoutes(store: Store): express.Router {
  const router = express.Router()

  // The quota is checked on the declared length before the body is read, then on the real one.
  const quotaBeforeReading: express.RequestHandler = async (req, res, next) => {
    await checkAttachmentQuota(store.db, callerKey(callerOf(res)), idSchema.parse(req.params.id), Number(req.get('content-length') ?? 0))
    next()
  }

  router.put('/:id', refuseBeforeReading(MAX_ATTACHMENT_BYTES, tooLarge), quotaBeforeReading, express.raw({ type: () => true, limit: MAX_ATTACHMENT_BYTES }), async (req, res) => {
    const owner = callerKey(callerOf(res))
    const id = idSchema.parse(req.params.id)
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    if (bytes.length === 0)
      throw new HttpProblem(400, '附件内容为空', { code: 'empty_attachment' })
    const declared = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const mime = sniff(bytes)
    if (!mime || mime !== declared)
      throw new HttpProblem(415, '只能上传 JPG、PNG、WebP 图片或 PDF 文件', { code: 'unsupported_type' })
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const existing = await store.db.selectFrom('attachments').select(['owner', 'sha256']).where('id', '=', id).executeTakeFirst()
    if (existing) {
      if (existing.owner !== owner || existing.sha256 !== sha256)
        throw new HttpProblem(409, '该附件编号已被使用', { code: 'attachment_conflict' })
      res.status(200).json({ id, size: bytes.length, sha256 })
      return
    }
    await checkAttachmentQuota(store.db, owner, id, bytes.length)
    await store.db.insertInto('attachments').values({
      id, owner, mime, size: bytes.length, sha256, content: bytes.toString('base64'), created_at: new Date().toISOString(),
    }).onConflict(conflict => conflict.column('id').doNothing()).execute()
    res.status(201).json({ id, size: bytes.length, sha256 })
  })

  router.get('/:id', async (req, res) => {
    const caller = callerOf(res)
    const id = idSchema.parse(req.params.id)
    const row = await store.db.selectFrom('attachments').select(['owner', 'mime', 'content']).where('id', '=', id).executeTakeFirst()
    if (!row)
      throw new HttpProblem(404, '附件不存在', { code: 'not_found' })
    if (row.owner !== callerKey(caller) && !await materialOfCallersFiling(store, caller, id) && !await materialOfAgencysClaim(store.db, caller, id))
      throw new HttpProblem(403, '只能查看本人上传或本人备案所附的材料', { code: 'forbidden' })
    res.set('Cache-Control', 'private, no-store')
    res.type(row.mime).send(Buffer.from(row.content, 'base64'))
  })

  return router
}
