import type { Kysely } from 'kysely'
import type { Database } from '../store/index.ts'
import { recordsOf } from './repository.ts'

/** What a person typed on the sign-in form. */
export interface IdentityClaim {
  idNumber: string
  name: string
  phone: string
}

/**
 * The outcome of an identity check. `reason` is for the server's log only (never personal
 * data): the reply to the person is the same whatever it is.
 */
export type IdentityCheck = { verified: true, phone: string } | { verified: false, reason: 'not_on_record' | 'name_mismatch' | 'phone_not_on_record' | string }

/**
 * Decides whether a sign-in code may be sent, and to which phone. A province plugs in its own
 * (医保电子凭证 real-name, face verification) through `createApp({ identityVerifier })`,
 * usually calling the registry check first.
 */
export type IdentityVerifier = (claim: IdentityClaim, db: Kysely<Database>) => Promise<IdentityCheck>

/**
 * The default check: the 身份证号码 and 姓名 are on record (参保登记, DOMAIN §13) and the phone is
 * one the agency holds for that person, so the code reaches only the person on record.
 */
export const registryPhoneCheck: IdentityVerifier = async (claim, db) => {
  const records = await recordsOf(db, claim.idNumber)
  if (records.length === 0)
    return { verified: false, reason: 'not_on_record' }
  const named = records.filter(record => record.name === claim.name)
  if (named.length === 0)
    return { verified: false, reason: 'name_mismatch' }
  if (!named.some(record => record.phones.includes(claim.phone)))
    return { verified: false, reason: 'phone_not_on_record' }
  return { verified: true, phone: claim.phone }
}
