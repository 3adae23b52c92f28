import type { Kysely } from 'kysely'
import type { Caller } from '../auth/caller.ts'
import type { Database } from '../store/index.ts'
import { formOf } from './repository.ts'

/** True when the caller is agency staff and a claim of its region has the file among its photos. */
export async function materialOfAgencysClaim(db: Kysely<Database>, caller: Caller, attachmentId: string): Promise<boolean> {
  if (caller.role !== 'agency')
    return false
  // The id is a UUID (checked by the route), so it cannot widen the pattern; the form is read to be sure.
  const rows = await db.selectFrom('claims').selectAll()
    .where('insured_region', '=', caller.regionCode)
    .where('form', 'like', `%${attachmentId}%`)
    .execute()
  return rows.some((row) => {
    const form = formOf(row)
    return [...form.invoicePhotos, ...form.costDetailPhotos].includes(attachmentId)
  })
}
