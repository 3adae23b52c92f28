import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'

/**
 * The files an action refers to, all uploaded by `owner` before the action, are marked as
 * referenced (no longer swept, no longer counted against the upload quota); false when one is
 * missing. A rejected action's savepoint rolls the mark back.
 */
export async function referenceAttachments(db: Kysely<Database>, owner: string, ids: readonly string[], now: Date): Promise<boolean> {
  const refs = [...new Set(ids)]
  if (refs.length === 0)
    return true
  const found = await db.selectFrom('attachments').select('id').where('id', 'in', refs).where('owner', '=', owner).execute()
  if (found.length < refs.length)
    return false
  await db.updateTable('attachments').set({ referenced_at: now.toISOString() }).where('id', 'in', refs).where('referenced_at', 'is', null).execute()
  return true
}
