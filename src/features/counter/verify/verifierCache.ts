import type { JWK } from 'jose'
import { callApi } from '../../../api'
import type { YidiDatabase } from '../../../db/database'
import { type BenefitHold, holdOf } from '../../../domain/credential/benefitHolds'
import type { VerifierData } from './verifyCredential'

// All three are kept through sign-out (see DEVICE_META_KEYS): a counter without network still
// verifies. The ID-tag keys are secret, but this is a staff device: the insured person's phone
// never signs in as counter staff, so never receives them (src/domain/credential/idTag.ts).
const KEYS = 'signingKeys'
const REVOCATIONS = 'revocations'
const ID_TAG_KEYS = 'idTagKeys'

interface StoredRevocations {
  cursor: number
  fetchedAt: string
  revokedAt: Record<string, string>
  /** Absent in copies stored before holds were published; the next refresh adds them. */
  holds?: Record<string, BenefitHold>
}

/** What the device holds to verify QR credentials offline. */
export async function readVerifierData(database: YidiDatabase): Promise<VerifierData> {
  const [keys, revocations, idTagKeys] = await Promise.all([database.meta.get(KEYS), database.meta.get(REVOCATIONS), database.meta.get(ID_TAG_KEYS)])
  const stored = revocations?.value as StoredRevocations | undefined
  return {
    keys: (keys?.value as VerifierData['keys'] | undefined) ?? [],
    revokedAt: stored?.revokedAt ?? {},
    holds: stored?.holds ?? {},
    idTagKeys: (idTagKeys?.value as Record<string, string> | undefined) ?? {},
    ...(stored ? { revocationsFetchedAt: stored.fetchedAt } : {}),
  }
}

/**
 * Brings the public keys and the revocation list up to date (only what changed since the last
 * cursor). Throws `ApiProblem` when offline; the cached copy stays as it was.
 */
export async function refreshVerifierData(database: YidiDatabase, token: string, now = new Date()): Promise<void> {
  const { keys } = await callApi<{ keys: (JWK & { kid: string })[] }>('/keys')
  const tagKeys = await callApi<{ keys: { province: string, key: string }[] }>('/counter/credential-keys', { token })
  const previousTagKeys = (await database.meta.get(ID_TAG_KEYS))?.value as Record<string, string> | undefined
  const idTagKeys = { ...previousTagKeys, ...Object.fromEntries(tagKeys.keys.map(entry => [entry.province, entry.key])) }
  const previous = (await database.meta.get(REVOCATIONS))?.value as StoredRevocations | undefined
  let cursor = previous?.cursor ?? 0
  // A copy from before holds were published is read again from the start, to pick them up.
  if (previous && !previous.holds)
    cursor = 0
  const revokedAt = { ...previous?.revokedAt }
  const holds = { ...previous?.holds }
  for (;;) {
    const page = await callApi<{ revoked: { filingNumber: string, revokedAt: string, reason: string }[], cursor: number }>(`/revocations?since=${cursor}`, { token })
    // In feed order: a later hold or lift replaces an earlier one.
    for (const entry of page.revoked) {
      const hold = holdOf(entry.reason)
      if (hold === 'lifted')
        delete holds[entry.filingNumber]
      else if (hold)
        holds[entry.filingNumber] = hold
      else if (!revokedAt[entry.filingNumber] || revokedAt[entry.filingNumber]! < entry.revokedAt)
        revokedAt[entry.filingNumber] = entry.revokedAt
    }
    if (page.revoked.length === 0 || page.cursor === cursor)
      break
    cursor = page.cursor
  }
  await database.transaction('rw', database.meta, async () => {
    await database.meta.put({ key: KEYS, value: keys })
    await database.meta.put({ key: ID_TAG_KEYS, value: idTagKeys })
    await database.meta.put({ key: REVOCATIONS, value: { cursor, fetchedAt: now.toISOString(), revokedAt, holds } satisfies StoredRevocations })
  })
}
