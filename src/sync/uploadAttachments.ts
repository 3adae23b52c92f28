import type { LocalAttachment, OutboxEntry, YidiDatabase } from '../db/database'
import type { TransportOutcome } from './transport'

/** Sends one file; answers like the sync transport (`answered` meaning stored). */
export type AttachmentUploader = (attachment: LocalAttachment) => Promise<TransportOutcome>

export type UploadResult =
  | { kind: 'ready', refused: { entry: OutboxEntry, code: string, message: string }[] }
  | Extract<TransportOutcome, { kind: 'unauthorized' | 'retry' }>

/**
 * Uploads the files a batch's actions refer to before the actions themselves: the server
 * checks an action's files exist. Uploads are idempotent (same id, same bytes), so a retry after
 * a lost answer is harmless; a file the server refuses takes its action down with it.
 */
export async function uploadAttachments(database: YidiDatabase, entries: OutboxEntry[], upload: AttachmentUploader): Promise<UploadResult> {
  const refused: { entry: OutboxEntry, code: string, message: string }[] = []
  for (const entry of entries) {
    for (const id of entry.attachmentIds ?? []) {
      const attachment = await database.attachments.get(id)
      if (!attachment) {
        refused.push({ entry, code: 'attachment_missing', message: '附件已不在本机，请删除这条记录后重新提交材料。' })
        break
      }
      if (attachment.uploadedAt)
        continue
      const outcome = await upload(attachment)
      if (outcome.kind === 'unauthorized' || outcome.kind === 'retry')
        return outcome
      if (outcome.kind === 'refused' || outcome.kind === 'too-large') {
        refused.push({ entry, code: outcome.kind === 'refused' ? outcome.code : 'too_large', message: outcome.kind === 'refused' ? outcome.message : '附件过大，无法上传' })
        break
      }
      await database.attachments.update(id, { uploadedAt: new Date().toISOString() })
    }
  }
  return { kind: 'ready', refused }
}
