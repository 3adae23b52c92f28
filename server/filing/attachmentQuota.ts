import type { Kysely } from 'kysely'
import { HttpProblem } from '../http/problem.ts'
import type { Database } from '../store/index.ts'

/**
 * Bytes one account may keep in attachments no filing refers to yet: ten photos as the phone
 * compresses them (≤ 1.5 MB each) fit with room to spare, so does a retry of a whole filing.
 * Files a filing refers to do not count; unreferenced ones are removed a day after upload.
 */
export const MAX_UNREFERENCED_ATTACHMENT_BYTES = 20 * 1024 * 1024

/** Throws 413 when storing `addedBytes` more (for attachment `id`) would take `owner` over the quota. */
export async function checkAttachmentQuota(db: Kysely<Database>, owner: string, id: string, addedBytes: number): Promise<void> {
  const row = await db.selectFrom('attachments')
    .select(eb => eb.fn.coalesce(eb.fn.sum<number | string>('size'), eb.lit(0)).as('bytes'))
    .where('owner', '=', owner).where('referenced_at', 'is', null).where('id', '!=', id)
    .executeTakeFirst()
  if (Number(row?.bytes ?? 0) + addedBytes > MAX_UNREFERENCED_ATTACHMENT_BYTES) {
    throw new HttpProblem(413, '尚未随备案提交的附件已达 20 MB 上限，请先提交已选的材料；未使用的附件会在上传 24 小时后自动清除', {
      code: 'attachment_quota_exceeded',
    })
  }
}
