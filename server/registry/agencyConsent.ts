import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'

/** How long a consent given by code lasts: long enough for a filing and its follow-ups. */
export const CONSENT_DAYS = 30

/** True when the insured person consented, by a code to their phone, that `agent` acts for them. */
export async function hasAgencyConsent(db: Kysely<Database>, agentIdNumber: string, holderIdNumber: string, now: Date): Promise<boolean> {
  const row = await db.selectFrom('agency_consents').select('expires_at')
    .where('agent_id_number', '=', agentIdNumber)
    .where('holder_id_number', '=', holderIdNumber)
    .executeTakeFirst()
  return row !== undefined && row.expires_at > now.toISOString()
}

/** Records (or renews) a consent for `CONSENT_DAYS` days; returns when it ends. */
export async function grantAgencyConsent(db: Kysely<Database>, agentIdNumber: string, holderIdNumber: string, now: Date): Promise<string> {
  const expiresAt = new Date(now.getTime() + CONSENT_DAYS * 24 * 3600_000).toISOString()
  await db.insertInto('agency_consents')
    .values({ agent_id_number: agentIdNumber, holder_id_number: holderIdNumber, granted_at: now.toISOString(), expires_at: expiresAt })
    .onConflict(conflict => conflict.columns(['agent_id_number', 'holder_id_number']).doUpdateSet({ granted_at: now.toISOString(), expires_at: expiresAt }))
    .execute()
  return expiresAt
}
