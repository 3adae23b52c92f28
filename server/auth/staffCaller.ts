import type { Selectable } from 'kysely'
import type { StaffAccountsTable } from '../store/schema.ts'
import type { TokenSubject } from './caller.ts'

type StaffSubject = Exclude<TokenSubject, { role: 'insured' }>

/** The caller a staff account signs in as: a hospital counter, or a 参保地 agency desk. */
export function staffCallerOf(account: Selectable<StaffAccountsTable>): StaffSubject {
  if (account.role === 'agency')
    return { role: 'agency', username: account.username, agencyName: account.hospital_name, regionCode: account.city_code, sessionVersion: account.session_version }
  return { role: 'counter', username: account.username, hospitalCode: account.hospital_code, hospitalName: account.hospital_name, cityCode: account.city_code, sessionVersion: account.session_version }
}

/** What the sign-in reply says about the account's place: its hospital, or its agency's 统筹区. */
export function staffPlaceOf(caller: StaffSubject) {
  return caller.role === 'agency'
    ? { agency: { name: caller.agencyName, regionCode: caller.regionCode } }
    : { hospital: { code: caller.hospitalCode, name: caller.hospitalName, cityCode: caller.cityCode } }
}
